// The cookie engine's place in a transfer: where the jar lives (the handle or its share),
// when files are read and written, and the COOKIELIST commands. The jar itself is
// src/http/cookies.h.
#include <cstdio>
#include <ctime>
#include <string>

#include "transfer/transfer.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

std::int64_t wall_now() noexcept { return static_cast<std::int64_t>(std::time(nullptr)); }

// The whole file ("-": standard input); a file that cannot be read gives "" (7.88.1
// ignores it).
std::string read_cookie_file(const std::string& name) {
  std::FILE* f = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  if (f == nullptr) return std::string();
  std::string text;
  char buf[4096];
  for (int i = 0; i < 1 << 16; ++i) {  // at most 256 MiB
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    text.append(buf, n);
    if (n < sizeof buf) break;
  }
  if (f != stdin) std::fclose(f);
  return text;
}

void write_cookie_file(const std::string& name, const std::string& text) {
  if (name == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::FILE* f = std::fopen(name.c_str(), "w");
  if (f == nullptr) return;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

}  // namespace

CookieJar* Transfer::cookie_jar() const noexcept {
  if (share_ != nullptr && share_->is_shared(CURL_LOCK_DATA_COOKIE) && share_->cookies())
    return share_->cookies();
  return own_cookies_.get();
}

void Transfer::cookie_lock() const noexcept {
  if (share_ != nullptr && share_->is_shared(CURL_LOCK_DATA_COOKIE))
    share_->lock(handle_, CURL_LOCK_DATA_COOKIE, CURL_LOCK_ACCESS_SINGLE);
}

void Transfer::cookie_unlock() const noexcept {
  if (share_ != nullptr && share_->is_shared(CURL_LOCK_DATA_COOKIE))
    share_->unlock(handle_, CURL_LOCK_DATA_COOKIE);
}

void Transfer::load_cookie_files() {
  if (options_.cookie_files.empty()) return;
  cookie_lock();
  if (cookie_jar() == nullptr) own_cookies_ = std::make_unique<CookieJar>();
  cookie_engine_ = true;
  for (const std::string& name : options_.cookie_files) {
    cookie_jar()->load_text(read_cookie_file(name), options_.cold().cookiesession != 0, wall_now());
  }
  cookie_unlock();
  // The list stays: 7.88.1 reads the files again at every transfer and at RELOAD.
}

std::string Transfer::cookies_for_request(std::string_view host, std::string_view path,
                                          bool https) {
  set_cookies_ = 0;
  if (!cookie_engine_) return std::string();
  cookie_lock();
  std::string out;
  if (CookieJar* jar = cookie_jar())
    out = jar->header_for(host, path, cookie_secure_context(https, host), wall_now());
  cookie_unlock();
  return out;
}

void Transfer::cookie_from_response(std::string_view value, std::string_view host,
                                    std::string_view path, bool https) {
  if (!cookie_engine_ || set_cookies_ >= CookieJar::kMaxSetCookiePerResponse) return;
  cookie_lock();
  if (CookieJar* jar = cookie_jar()) {
    CookieJar::Origin origin;
    origin.host = host;
    origin.has_host = true;
    origin.path = path;
    origin.secure = cookie_secure_context(https, host);
    if (jar->add_header(value, origin, true, wall_now())) ++set_cookies_;  // header form
  }
  cookie_unlock();
}

void Transfer::flush_cookies(bool cleanup) {
  // Files not read yet are read first so that the jar holds everything (7.88.1); that
  // takes the lock by itself, then the writing takes it once more.
  if (options_.cookiejar) load_cookie_files();
  cookie_lock();
  if (options_.cookiejar) {
    if (CookieJar* jar = cookie_jar())
      write_cookie_file(*options_.cookiejar, jar->netscape_file(wall_now()));
  }
  if (cleanup) own_cookies_.reset();
  cookie_unlock();
}

std::vector<std::string> Transfer::cookie_lines() const {
  std::vector<std::string> out;
  cookie_lock();
  if (const CookieJar* jar = cookie_jar()) out = jar->lines();
  cookie_unlock();
  return out;
}

void Transfer::cookie_setopt(CURLoption option) {
  switch (option) {
    case CURLOPT_COOKIEJAR:
      cookie_lock();
      if (cookie_jar() == nullptr) own_cookies_ = std::make_unique<CookieJar>();
      cookie_unlock();
      cookie_engine_ = true;
      break;
    case CURLOPT_COOKIEFILE:
      if (options_.cookie_files.empty()) {
        // NULL: the files are forgotten and the cookie engine stops; the handle's own
        // cookies go (a share's stay in the share).
        own_cookies_.reset();
        cookie_engine_ = false;
      }
      break;
    case CURLOPT_COOKIELIST: {
      std::vector<std::string> commands = std::move(options_.cookielist_commands);
      options_.cookielist_commands.clear();
      for (const std::string& cmd : commands) {
        if (iequals(cmd, "ALL")) {
          cookie_lock();
          if (CookieJar* jar = cookie_jar()) jar->clear_all();
          cookie_unlock();
        } else if (iequals(cmd, "SESS")) {
          cookie_lock();
          if (CookieJar* jar = cookie_jar()) jar->clear_session();
          cookie_unlock();
        } else if (iequals(cmd, "FLUSH")) {
          flush_cookies(false);
        } else if (iequals(cmd, "RELOAD")) {
          load_cookie_files();
        } else {
          cookie_lock();
          if (cookie_jar() == nullptr) own_cookies_ = std::make_unique<CookieJar>();
          cookie_engine_ = true;
          // The Set-Cookie count of the last request limits these too (7.88.1 checks it
          // for every cookie added through the handle).
          if (set_cookies_ >= CookieJar::kMaxSetCookiePerResponse) {
            cookie_unlock();
            continue;
          }
          std::string_view line = cmd;
          CookieJar::Origin none;
          if (istarts_with(line, "Set-Cookie:")) {
            line.remove_prefix(11);
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
              line.remove_prefix(1);
            if (cookie_jar()->add_header(line, none, true, wall_now())) ++set_cookies_;
          } else {
            cookie_jar()->add_netscape(line, true, wall_now());
          }
          cookie_unlock();
        }
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace mcurl
