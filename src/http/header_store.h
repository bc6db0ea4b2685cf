// class HeaderStore: the response headers of a transfer's requests, for curl_easy_header
// and curl_easy_nextheader.
//
// Each header is stored with its origin (CURLH_HEADER, CURLH_TRAILER, CURLH_1XX) and the
// number of the request it belongs to (0 for the first, then one more per redirect). A
// folded continuation line is appended to the previous header's value with one space, as
// the man page describes. The store is owned by the Transfer and kept after the transfer
// ends (the API may be used then); a new transfer clears it.
//
// The curl_header struct handed to the application lives in the store and is overwritten
// by the next call (curl_easy_header(3)).
//
// Thread affinity: the transfer's.
// Tests: tests/unit/http/header_store_test.cc
#ifndef MCURL_HTTP_HEADER_STORE_H
#define MCURL_HTTP_HEADER_STORE_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

namespace mcurl {

class HeaderStore {
 public:
  // Forgets every header (a new transfer).
  void clear() noexcept {
    entries_.clear();
    requests_ = 0;
  }
  // A new request of the same transfer begins (a redirect or an auth round).
  void next_request() noexcept { ++requests_; }
  // Stores a header line of the current request. `name` and `value` as the parser gives
  // them; a continuation line (empty name, `continuation` true) extends the last value.
  void add(std::string_view name, std::string_view value, unsigned origin, bool continuation);

  // curl_easy_header: returns CURLHE_OK with *out pointing at the store's struct, or
  // CURLHE_MISSING, CURLHE_BADINDEX, CURLHE_NOHEADERS, CURLHE_NOREQUEST.
  CURLHcode find(const char* name, std::size_t index, unsigned origin, int request,
                 curl_header** out);
  // curl_easy_nextheader: the header after `prev` (nullptr: the first) within origin and
  // request, or nullptr.
  curl_header* next(unsigned origin, int request, const curl_header* prev);

 private:
  struct Entry {
    std::string name;
    std::string value;
    unsigned origin;
    int request;
  };
  int resolve_request(int request) const noexcept;
  void fill(std::size_t entry_index, std::size_t amount, std::size_t index);

  std::vector<Entry> entries_;
  int requests_ = 0;  // requests started so far
  curl_header out_{};
  std::string out_name_;
  std::string out_value_;
};

}  // namespace mcurl

#endif  // MCURL_HTTP_HEADER_STORE_H
