// mcurl_scripted_server: serves a script file (format in docs/internals/TEST_SERVERS.md)
// on 127.0.0.1, printing "port N" as its first stdout line.
//
//   mcurl_scripted_server [--ipv6] [--timeout MS] [--log FILE] SCRIPT
//
// Runs until SIGTERM/SIGINT, or until stdin reaches EOF when stdin is a pipe or a socket
// (a runner holding the write end of a pipe stops it by closing that end; stdin on
// /dev/null or a terminal is ignored). Connection i plays section i % sections, so two
// runs of a program that each open the same number of connections see the same bytes.
#include "support/scripted_server.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: mcurl_scripted_server [--ipv6] [--timeout MS] [--log FILE] SCRIPT\n");
  return 2;
}

bool stdin_can_close() {
  struct stat st;
  if (::fstat(0, &st) != 0) return false;
  return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
}

void write_log(const std::string& path, const mcurl::test::ScriptedServer& server) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  if (!out) {
    std::fprintf(stderr, "mcurl_scripted_server: cannot write %s\n", path.c_str());
    return;
  }
  std::size_t n = 0;
  for (const auto& r : server.requests()) {
    out << "=== request " << n++ << " on connection " << r.connection
        << (r.complete ? "" : " (incomplete)") << " (" << r.raw.size() << " bytes)\n"
        << r.raw << "\n";
  }
  for (const auto& c : server.connections())
    out << "=== connection " << c.index << ": " << mcurl::test::to_string(c.end) << ", "
        << c.requests << " requests\n";
}

}  // namespace

int main(int argc, char** argv) {
  mcurl::test::ServerOptions options;
  std::string log_path;
  std::string script_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--ipv6") {
      options.ipv6 = true;
    } else if (a == "--timeout" && i + 1 < argc) {
      options.step_timeout = std::chrono::milliseconds(std::atol(argv[++i]));
    } else if (a == "--log" && i + 1 < argc) {
      log_path = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage();
    } else if (script_path.empty()) {
      script_path = a;
    } else {
      return usage();
    }
  }
  if (script_path.empty()) return usage();

  std::ifstream in(script_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "mcurl_scripted_server: cannot open %s\n", script_path.c_str());
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string dir = ".";
  if (auto slash = script_path.rfind('/'); slash != std::string::npos)
    dir = slash == 0 ? "/" : script_path.substr(0, slash);

  std::vector<mcurl::test::Script> scripts;
  try {
    scripts = mcurl::test::parse_script(text.str(), dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mcurl_scripted_server: %s: %s\n", script_path.c_str(), e.what());
    return 1;
  }

  // Block the stop signals before any thread starts; they arrive through a signalfd.
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &mask, nullptr);
  signal(SIGPIPE, SIG_IGN);
  int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
  if (sfd < 0) {
    std::perror("signalfd");
    return 1;
  }

  try {
    mcurl::test::ScriptedServer server(std::move(scripts), options);
    std::printf("port %u\n", static_cast<unsigned>(server.port()));
    if (options.ipv6) std::printf("port6 %u\n", static_cast<unsigned>(server.port6()));
    std::fflush(stdout);

    bool watch_stdin = stdin_can_close();
    for (;;) {
      pollfd p[2] = {{sfd, POLLIN, 0}, {0, POLLIN, 0}};
      int n = ::poll(p, watch_stdin ? 2 : 1, -1);
      if (n < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (p[0].revents) break;
      if (watch_stdin && p[1].revents) {
        char buf[4096];
        ssize_t r = ::read(0, buf, sizeof buf);
        if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) break;
      }
    }
    server.stop();
    if (!log_path.empty()) write_log(log_path, server);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mcurl_scripted_server: %s\n", e.what());
    return 1;
  }
  return 0;
}
