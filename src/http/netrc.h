// The .netrc file for CURLOPT_NETRC: "machine NAME", "default", "login", "password",
// "macdef" (skipped up to the next empty line), and double-quoted tokens with \" \\ \n
// \r \t escapes, as libcurl 7.88.1 reads them.
//
// Pure (the caller reads the file); thread affinity: none.
// Tests: tests/unit/http/netrc_test.cc
#ifndef MCURL_HTTP_NETRC_H
#define MCURL_HTTP_NETRC_H

#include <optional>
#include <string>
#include <string_view>

namespace mcurl {

struct NetrcMatch {
  std::optional<std::string> login;
  std::optional<std::string> password;
};

// Looks `host` up in the text of a .netrc file. With `login` given, only a machine entry
// for that login counts ("default" always does). Returns nullopt when no entry (nor "default")
// fits.
std::optional<NetrcMatch> netrc_lookup(std::string_view text, std::string_view host,
                                       const std::optional<std::string>& login);

// Reads the file (CURLOPT_NETRC_FILE, else $HOME/.netrc) and looks `host` up.
std::optional<NetrcMatch> netrc_find(const std::optional<std::string>& file, std::string_view host,
                                     const std::optional<std::string>& login);

}  // namespace mcurl

#endif  // MCURL_HTTP_NETRC_H
