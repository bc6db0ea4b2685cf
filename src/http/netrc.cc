// .netrc parsing (see netrc.h).
#include "http/netrc.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "util/strcase.h"

namespace mcurl {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Splits into tokens; a "macdef" swallows everything up to an empty line.
std::vector<std::string> tokenize(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) break;
    std::string tok;
    if (s[i] == '"') {
      ++i;
      while (i < s.size() && s[i] != '"') {
        char c = s[i++];
        if (c == '\\' && i < s.size()) {
          char e = s[i++];
          c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        }
        tok += c;
      }
      if (i < s.size()) ++i;  // the closing quote
    } else {
      while (i < s.size() && !is_space(s[i])) tok += s[i++];
    }
    if (tok == "macdef") {
      size_t end = s.find("\n\n", i);
      i = end == std::string_view::npos ? s.size() : end + 2;
      continue;
    }
    out.push_back(std::move(tok));
  }
  return out;
}

}  // namespace

std::optional<NetrcMatch> netrc_lookup(std::string_view text, std::string_view host,
                                       const std::optional<std::string>& login) {
  std::vector<std::string> toks = tokenize(text);
  size_t i = 0;
  while (i < toks.size()) {
    bool match = false;
    bool is_default = false;
    if (toks[i] == "machine" && i + 1 < toks.size()) {
      match = iequals(toks[i + 1], host);
      i += 2;
    } else if (toks[i] == "default") {
      match = true;
      is_default = true;
      ++i;
    } else {
      ++i;
      continue;
    }
    NetrcMatch m;
    while (i < toks.size() && toks[i] != "machine" && toks[i] != "default") {
      if (toks[i] == "login" && i + 1 < toks.size()) {
        m.login = toks[i + 1];
        i += 2;
      } else if (toks[i] == "password" && i + 1 < toks.size()) {
        m.password = toks[i + 1];
        i += 2;
      } else {
        ++i;
      }
    }
    if (!match) continue;
    // A named machine counts only for the asked login; "default" gives its password to
    // any login (7.88.1).
    if (login && !is_default && (!m.login || *m.login != *login)) continue;
    return m;
  }
  return std::nullopt;
}

std::optional<NetrcMatch> netrc_find(const std::optional<std::string>& file, std::string_view host,
                                     const std::optional<std::string>& login) {
  std::string path;
  if (file) {
    path = *file;
  } else {
    const char* home = std::getenv("HOME");
    if (home == nullptr) return std::nullopt;
    path = std::string(home) + "/.netrc";
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && text.size() < (1u << 20))
    text.append(buf, n);
  std::fclose(f);
  return netrc_lookup(text, host, login);
}

}  // namespace mcurl
