// Httpd: tools/mcurl_httpd as a subprocess on a random port, for integration tests that
// need its routes (large bodies, /gzip/N). Started by the constructor (port() is 0 when
// it did not start within 5 s), stopped by the destructor: stdin EOF, then SIGKILL after
// 3 s.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace mcurl::itest {

// mcurl_httpd on a random port, stopped (stdin EOF, then signals) by the destructor.
class Httpd {
 public:
  Httpd() {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      const char* argv[] = {MCURL_HTTPD_PATH,      "--port", "0", "--threads", "2",
                            "--exit-on-stdin-eof", nullptr};
      ::execv(argv[0], const_cast<char**>(argv));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{stdout_, POLLIN, 0};
      if (::poll(&p, 1, 100) != 1) continue;
      char ch;
      if (::read(stdout_, &ch, 1) != 1) break;
      if (ch == '\n') break;
      line += ch;
    }
    if (line.rfind("port ", 0) == 0) port_ = std::atoi(line.c_str() + 5);
  }
  ~Httpd() {
    if (stdin_ >= 0) ::close(stdin_);
    if (pid_ > 0) {
      int st;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
      while (::waitpid(pid_, &st, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          ::kill(pid_, SIGKILL);
          ::waitpid(pid_, &st, 0);
          break;
        }
        std::this_thread::sleep_for(
            std::chrono::milliseconds(10));  // bounded reaping, not synchronisation
      }
    }
    if (stdout_ >= 0) ::close(stdout_);
  }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int port_ = 0;
};

}  // namespace mcurl::itest
