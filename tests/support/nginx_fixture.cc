// Runs tests/support/nginx_fixture.sh and parses its "NAME PORT" lines.
// Tests: tests/integration/nginx_fixture_test.cc
#include "support/nginx_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace mcurl::test {
namespace {

// Single-quotes an argument for /bin/sh.
std::string sh_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// Runs a command through /bin/sh; returns its exit status (-1 when it did not exit
// normally) and appends its stdout to *out when out is set.
int run_command(const std::string& cmd, std::string* out) {
  FILE* f = popen(cmd.c_str(), "r");
  if (f == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    if (out != nullptr) out->append(buf, n);
  }
  int status = pclose(f);
  return (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
}

bool on_path(const char* program) {
  std::string cmd = std::string("command -v ") + program + " >/dev/null 2>&1";
  return run_command(cmd, nullptr) == 0;
}

}  // namespace

Nginx::~Nginx() { stop(); }

bool Nginx::available() {
  return (on_path("nginx") || access("/usr/sbin/nginx", X_OK) == 0) && on_path("openssl") &&
         on_path("python3");
}

void Nginx::start() {
  if (running()) throw std::runtime_error("nginx fixture: already running");
  const char* tmp = getenv("TMPDIR");
  std::string templ = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/mcurl-nginx-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) throw std::runtime_error("nginx fixture: mkdtemp failed");
  std::string dir(buf.data());
  std::string out;
  int rc =
      run_command(sh_quote(MCURL_NGINX_FIXTURE_PATH) + " start " + sh_quote(dir) + " 2>&1", &out);
  std::map<std::string, int, std::less<>> ports;
  std::istringstream lines(out);
  std::string name;
  int port = 0;
  while (lines >> name >> port) ports[name] = port;
  if (rc != 0 || ports.count("good") == 0) {
    run_command(sh_quote(MCURL_NGINX_FIXTURE_PATH) + " stop " + sh_quote(dir), nullptr);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    throw std::runtime_error("nginx fixture did not start: " + out);
  }
  dir_ = dir;
  ports_ = std::move(ports);
}

void Nginx::stop() {
  if (!running()) return;
  run_command(sh_quote(MCURL_NGINX_FIXTURE_PATH) + " stop " + sh_quote(dir_) + " 2>/dev/null",
              nullptr);
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  dir_.clear();
  ports_.clear();
}

int Nginx::port(std::string_view block) const {
  auto it = ports_.find(block);
  if (it == ports_.end())
    throw std::out_of_range("nginx fixture: no server block " + std::string(block));
  return it->second;
}

std::string Nginx::url(std::string_view block, std::string_view path, std::string_view host) const {
  const bool plain = block == "http" || block == "gzip_http";
  return std::string(plain ? "http://" : "https://") + std::string(host) + ":" +
         std::to_string(port(block)) + std::string(path);
}

std::string Nginx::cert_dir() const { return running() ? dir_ + "/certs" : std::string(); }

std::string Nginx::cert(std::string_view file) const {
  return running() ? dir_ + "/certs/" + std::string(file) : std::string();
}

std::string Nginx::www_dir() const { return running() ? dir_ + "/www" : std::string(); }

void Nginx::ensure_big_file() {
  if (!running()) throw std::runtime_error("nginx fixture: not running");
  std::string out;
  if (run_command(sh_quote(MCURL_NGINX_FIXTURE_PATH) + " bigfile " + sh_quote(dir_) + " 2>&1",
                  &out) != 0)
    throw std::runtime_error("nginx fixture: bigfile failed: " + out);
}

}  // namespace mcurl::test
