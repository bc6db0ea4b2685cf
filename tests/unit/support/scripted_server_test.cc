// Tests of tests/support/scripted_server: every step kind through plain sockets, the
// script file format, and the mcurl_scripted_server binary.
#include "support/scripted_server.h"

#include "socket_client.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace mcurl::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

long ms_since(Clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

TEST(ScriptedServer, BindsLoopbackPortAndServesSend) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk)});
  ASSERT_NE(server.port(), 0);
  EXPECT_EQ(server.url("/x"), "http://127.0.0.1:" + std::to_string(server.port()) + "/x");
  Client c(server.port());
  ASSERT_GE(c.fd(), 0);
  ASSERT_TRUE(c.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), kOk);
  EXPECT_TRUE(c.eof());  // implicit close after the last step is a FIN
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].method, "GET");
  EXPECT_EQ(reqs[0].target, "/a");
  EXPECT_EQ(reqs[0].version, "HTTP/1.1");
  EXPECT_EQ(reqs[0].header("host"), "h");
  EXPECT_EQ(reqs[0].header("absent"), "");
  EXPECT_EQ(reqs[0].raw, "GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
  EXPECT_TRUE(reqs[0].complete);
  auto conns = server.connections();
  ASSERT_EQ(conns.size(), 1u);
  EXPECT_EQ(conns[0].end, ConnectionEnd::kCompleted);
  EXPECT_EQ(conns[0].requests, 1u);
}

// The request reader gets the same result whether the bytes come at once, in two parts
// at every split point, or one by one.
TEST(ScriptedServer, ExpectRequestContentLengthBodyAtEverySplit) {
  const std::string req =
      "POST /up HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello worldGET /next";
  const std::size_t req_len = req.size() - 9;  // "GET /next" is the start of the next one
  ScriptedServer server(Script{Step::expect_request(), Step::send(kOk)});
  std::size_t n = 0;
  for (std::size_t split = 1; split < req_len; split += 7, ++n) {
    Client c(server.port());
    ASSERT_TRUE(c.send(req.substr(0, split)));
    std::this_thread::sleep_for(2ms);
    ASSERT_TRUE(c.send(req.substr(split)));
    ASSERT_TRUE(c.read_until_close(5000));
    EXPECT_EQ(c.buffer(), kOk) << "split " << split;
  }
  ASSERT_TRUE(server.wait_for_requests(n, 5s));
  for (const auto& r : server.requests()) {
    EXPECT_EQ(r.body, "hello world");
    EXPECT_EQ(r.raw, req.substr(0, req_len));
    EXPECT_EQ(r.header("Content-Length"), "11");
  }
}

TEST(ScriptedServer, ExpectRequestChunkedBodyByteByByte) {
  const std::string req =
      "PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n";
  ScriptedServer server(Script{Step::expect_request(), Step::send(kOk)});
  Client c(server.port());
  for (char ch : req) {
    ASSERT_TRUE(c.send(std::string(1, ch)));
  }
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), kOk);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_TRUE(reqs[0].chunked);
  EXPECT_EQ(reqs[0].body, "hello world");
  EXPECT_EQ(reqs[0].raw, req);
}

TEST(ScriptedServer, KeepAliveAndPipelinedRequests) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                         Step::send(kOk), Step::expect_request(), Step::send(kOk)});
  Client c(server.port());
  ASSERT_TRUE(c.send("GET /1 HTTP/1.1\r\n\r\n"));
  ASSERT_TRUE(c.read_at_least(sizeof kOk - 1, 5000));
  // Two requests in one write: both are read, in order.
  ASSERT_TRUE(c.send("GET /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.1\r\n\r\n"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), std::string(kOk) + kOk + kOk);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].target, "/1");
  EXPECT_EQ(reqs[1].target, "/2");
  EXPECT_EQ(reqs[2].target, "/3");
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(ScriptedServer, ScriptsPerConnectionIndexCycle) {
  Script keep = {Step::expect_request(), Step::send("A"),        Step::expect_request(),
                 Step::send("B"),        Step::expect_request(), Step::send("C")};
  Script once = {Step::expect_request(), Step::send("X"), Step::close()};
  ScriptedServer server(std::vector<Script>{keep, once});
  {
    Client c(server.port());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));
    ASSERT_TRUE(c.read_until_close(5000));
    EXPECT_EQ(c.buffer(), "ABC");
  }
  {
    Client c(server.port());
    ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));
    ASSERT_TRUE(c.read_until_close(5000));
    EXPECT_EQ(c.buffer(), "X");
  }
  {
    Client c(server.port());  // connection 2 plays script 0 again
    ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));
    ASSERT_TRUE(c.read_at_least(1, 5000));
    EXPECT_EQ(c.buffer(), "A");
  }
  ASSERT_TRUE(server.wait_for_connections(3, 5s));
  ASSERT_TRUE(server.wait_for_finished(2, 5s));
  auto conns = server.connections();
  EXPECT_EQ(conns[0].requests, 3u);
  EXPECT_EQ(conns[1].requests, 1u);
  for (const auto& r : server.requests()) EXPECT_LT(r.connection, 3u);
}

TEST(ScriptedServer, ScriptFunctionGetsTheIndex) {
  ScriptedServer server(ScriptedServer::ScriptFn(
      [](std::size_t i) { return Script{Step::send("conn " + std::to_string(i))}; }));
  for (int i = 0; i < 3; ++i) {
    Client c(server.port());
    ASSERT_TRUE(c.read_until_close(5000));
    EXPECT_EQ(c.buffer(), "conn " + std::to_string(i));
  }
}

TEST(ScriptedServer, SendSlowlyWritesPiecesWithDelays) {
  ScriptedServer server({Step::send_slowly("abcdefghij", 3, 80)});
  Client c(server.port());
  auto t0 = Clock::now();
  ASSERT_TRUE(c.read_at_least(1, 5000));
  EXPECT_EQ(c.buffer().substr(0, 3), "abc");
  EXPECT_LT(c.buffer().size(), 10u);  // not all at once
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), "abcdefghij");
  EXPECT_GE(ms_since(t0), 3 * 80 - 10);  // 4 pieces, 3 delays
}

TEST(ScriptedServer, DelayPostponesTheNextStep) {
  ScriptedServer server({Step::delay(150), Step::send("late")});
  Client c(server.port());
  auto t0 = Clock::now();
  EXPECT_FALSE(c.readable(50));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), "late");
  EXPECT_GE(ms_since(t0), 140);
}

TEST(ScriptedServer, CloseSendsFinEvenWithUnreadInput) {
  ScriptedServer server({Step::send("bye"), Step::close()});
  Client c(server.port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));  // never read by the script
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_TRUE(c.eof());
  EXPECT_EQ(c.last_errno(), 0);
  EXPECT_EQ(c.buffer(), "bye");
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  EXPECT_EQ(server.connections()[0].end, ConnectionEnd::kCompleted);
}

TEST(ScriptedServer, ResetSendsRst) {
  ScriptedServer server({Step::expect_request(), Step::reset()});
  Client c(server.port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_FALSE(c.eof());
  EXPECT_EQ(c.last_errno(), ECONNRESET);
  EXPECT_TRUE(c.buffer().empty());
}

TEST(ScriptedServer, ExpectCloseWaitsForTheClientAndKeepsExtraBytes) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Client c(server.port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n\r\n"));
  ASSERT_TRUE(c.read_at_least(sizeof kOk - 1, 5000));
  EXPECT_FALSE(c.readable(100));  // the server does not close first
  EXPECT_EQ(server.active_connections(), 1u);
  ASSERT_TRUE(c.send("extra"));
  std::this_thread::sleep_for(20ms);
  c.close();
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  auto conn = server.connections()[0];
  EXPECT_EQ(conn.end, ConnectionEnd::kCompleted);
  EXPECT_EQ(conn.unexpected, "extra");
}

TEST(ScriptedServer, ExpectCloseTimesOut) {
  ServerOptions o;
  o.step_timeout = 150ms;
  ScriptedServer server(Script{Step::expect_close()}, o);
  Client c(server.port());
  auto t0 = Clock::now();
  ASSERT_TRUE(c.read_until_close(5000));  // dropped by the server
  EXPECT_GE(ms_since(t0), 140);
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  EXPECT_EQ(server.connections()[0].end, ConnectionEnd::kTimedOut);
}

TEST(ScriptedServer, ExpectRequestTimesOutAndRecordsThePartialRequest) {
  ServerOptions o;
  o.step_timeout = 150ms;
  ScriptedServer server(Script{Step::expect_request(), Step::send(kOk)}, o);
  Client c(server.port());
  ASSERT_TRUE(c.send("GET /partial HTTP/1.1\r\nHo"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_TRUE(c.buffer().empty());
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  EXPECT_EQ(server.connections()[0].end, ConnectionEnd::kTimedOut);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_FALSE(reqs[0].complete);
  EXPECT_EQ(reqs[0].raw, "GET /partial HTTP/1.1\r\nHo");
  EXPECT_EQ(server.connections()[0].requests, 1u);
}

TEST(ScriptedServer, ClientClosingMidBodyEndsTheConnection) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk)});
  {
    Client c(server.port());
    ASSERT_TRUE(c.send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"));
  }
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  EXPECT_EQ(server.connections()[0].end, ConnectionEnd::kClientClosed);
  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_FALSE(server.requests()[0].complete);
}

TEST(ScriptedServer, ExpectContinueAnswers100BeforeTheBody) {
  ScriptedServer server({Step::expect_request(true), Step::send(kOk)});
  Client c(server.port());
  ASSERT_TRUE(c.send("POST / HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  ASSERT_TRUE(c.read_at_least(25, 5000));
  EXPECT_EQ(c.buffer(), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(c.send("xyz"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), std::string("HTTP/1.1 100 Continue\r\n\r\n") + kOk);
  EXPECT_EQ(server.requests()[0].body, "xyz");
}

TEST(ScriptedServer, PlainExpectRequestDoesNotSend100) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk)});
  Client c(server.port());
  ASSERT_TRUE(c.send("POST / HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  EXPECT_FALSE(c.readable(100));
  ASSERT_TRUE(c.send("xyz"));
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), kOk);
}

TEST(ScriptedServer, HoldKeepsTheConnectionUntilStop) {
  auto server = std::make_unique<ScriptedServer>(Script{Step::send("H"), Step::hold()});
  Client c1(server->port());
  Client c2(server->port());
  ASSERT_TRUE(c1.read_at_least(1, 5000));
  ASSERT_TRUE(c2.read_at_least(1, 5000));
  EXPECT_FALSE(c1.readable(150));  // nothing more, no close
  EXPECT_EQ(server->active_connections(), 2u);
  auto t0 = Clock::now();
  server->stop();
  EXPECT_LT(ms_since(t0), 1000);  // bounded
  ASSERT_TRUE(c1.read_until_close(2000));
  ASSERT_TRUE(c2.read_until_close(2000));
  auto conns = server->connections();
  ASSERT_EQ(conns.size(), 2u);
  EXPECT_EQ(conns[0].end, ConnectionEnd::kStopped);
  EXPECT_EQ(conns[1].end, ConnectionEnd::kStopped);
  server.reset();  // the destructor after stop() is fine
}

TEST(ScriptedServer, HoldEndsWhenTheClientLeaves) {
  ScriptedServer server({Step::hold()});
  {
    Client c(server.port());
    ASSERT_TRUE(server.wait_for_connections(1, 5s));
  }
  ASSERT_TRUE(server.wait_for_finished(1, 5s));
  EXPECT_EQ(server.connections()[0].end, ConnectionEnd::kClientClosed);
}

TEST(ScriptedServer, DestructorIsBoundedWhileSendingToAClientThatDoesNotRead) {
  auto t0 = Clock::now();
  {
    ScriptedServer server({Step::send(std::string(32 << 20, 'z'))});
    Client c(server.port());
    ASSERT_TRUE(c.read_at_least(1, 5000));
    ASSERT_TRUE(server.wait_for_connections(1, 5s));
  }
  EXPECT_LT(ms_since(t0), 3000);
}

TEST(ScriptedServer, Ipv6ListenerWhenAsked) {
  ServerOptions o;
  o.ipv6 = true;
  ScriptedServer server(Script{Step::send("six")}, o);
  if (server.port6() == 0) GTEST_SKIP() << "no IPv6 loopback";
  Client c(server.port6(), true);
  ASSERT_GE(c.fd(), 0);
  ASSERT_TRUE(c.read_until_close(5000));
  EXPECT_EQ(c.buffer(), "six");
  Client c4(server.port());
  ASSERT_TRUE(c4.read_until_close(5000));
  EXPECT_EQ(c4.buffer(), "six");
  EXPECT_EQ(server.connection_count(), 2u);
}

TEST(ScriptedServer, ManyConcurrentConnections) {
  ScriptedServer server({Step::expect_request(), Step::send(kOk)});
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 50; ++i) {
    clients.push_back(std::make_unique<Client>(server.port()));
    ASSERT_TRUE(clients.back()->send("GET /" + std::to_string(i) + " HTTP/1.1\r\n\r\n"));
  }
  for (auto& c : clients) {
    ASSERT_TRUE(c->read_until_close(5000));
    EXPECT_EQ(c->buffer(), kOk);
  }
  EXPECT_TRUE(server.wait_for_finished(50, 5s));
  EXPECT_EQ(server.request_count(), 50u);
}

// ---- the script format ---------------------------------------------------------------

TEST(ScriptFormat, CUnescape) {
  EXPECT_EQ(c_unescape("a\\r\\n\\t\\\\\\\"b"), "a\r\n\t\\\"b");
  EXPECT_EQ(c_unescape("\"quoted \\x41\""), "quoted A");
  EXPECT_EQ(c_unescape("\\0"), std::string(1, '\0'));
  EXPECT_EQ(c_unescape("\\101\\1012"), "AA2");
  EXPECT_EQ(c_unescape("\\x4g"), "\x04g");
  EXPECT_EQ(c_unescape("\\e\\a"), "\x1b\a");
  EXPECT_EQ(c_unescape(""), "");
  EXPECT_THROW(c_unescape("\\q"), std::runtime_error);
  EXPECT_THROW(c_unescape("abc\\"), std::runtime_error);
  EXPECT_THROW(c_unescape("\\xZ"), std::runtime_error);
  EXPECT_THROW(c_unescape("\"open"), std::runtime_error);
  EXPECT_THROW(c_unescape("\\777"), std::runtime_error);
}

TEST(ScriptFormat, EveryCommand) {
  auto scripts = parse_script(
      "# comment\n"
      "expect\r\n"
      "expect_continue\n"
      "send HTTP/1.1 200 OK\\r\\n   \n"
      "send \"  spaced  \"\n"
      "send_fill 5 ab\n"
      "send_fill 3\n"
      "send_slowly 2 10 abcd\n"
      "\n"
      "sleep 25\n"
      "expect_close\n"
      "hold\n"
      "reset\n"
      "close\n");
  ASSERT_EQ(scripts.size(), 1u);
  Script want = {Step::expect_request(false),
                 Step::expect_request(true),
                 Step::send("HTTP/1.1 200 OK\r\n"),
                 Step::send("  spaced  "),
                 Step::send("ababa"),
                 Step::send("xxx"),
                 Step::send_slowly("abcd", 2, 10),
                 Step::delay(25),
                 Step::expect_close(),
                 Step::hold(),
                 Step::reset(),
                 Step::close()};
  EXPECT_EQ(scripts[0], want);
}

TEST(ScriptFormat, RepeatNestsAndSectionsSplitConnections) {
  auto scripts = parse_script(
      "--- connection 0\n"
      "repeat 2\n"
      "  expect\n"
      "  repeat 2\n"
      "    send x\n"
      "  end\n"
      "end\n"
      "--- connection 1\n"
      "close\n");
  ASSERT_EQ(scripts.size(), 2u);
  Script want = {Step::expect_request(), Step::send("x"), Step::send("x"),
                 Step::expect_request(), Step::send("x"), Step::send("x")};
  EXPECT_EQ(scripts[0], want);
  EXPECT_EQ(scripts[1], Script{Step::close()});
}

TEST(ScriptFormat, SendFileIsRelativeToTheBaseDir) {
  char dir[] = "/tmp/mcurl_script_XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/body.bin";
  {
    std::ofstream f(path, std::ios::binary);
    f << std::string("bin\0ary", 7);
  }
  auto scripts = parse_script("send_file body.bin\nsend_file " + path + "\n", dir);
  EXPECT_EQ(scripts[0], (Script{Step::send(std::string("bin\0ary", 7)),
                                Step::send(std::string("bin\0ary", 7))}));
  std::remove(path.c_str());
  ::rmdir(dir);
}

TEST(ScriptFormat, ErrorsNameTheLine) {
  auto error_of = [](const std::string& text) -> std::string {
    try {
      parse_script(text, "/nonexistent");
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(error_of("expect\nbogus 1\n"), "line 2: unknown command 'bogus'");
  EXPECT_EQ(error_of("sleep abc\n"), "line 1: expected a number for sleep, got 'abc'");
  EXPECT_EQ(error_of("expect now\n"), "line 1: expect takes no argument");
  EXPECT_EQ(error_of("send \\q\n"), "line 1: unknown escape \\q");
  EXPECT_EQ(error_of("\n\nrepeat 2\nsend x\n"), "line 3: repeat without end");
  EXPECT_EQ(error_of("repeat 2\nsend x\n--- c\nend\n"), "line 1: repeat without end");
  EXPECT_EQ(error_of("end\n"), "line 1: end without repeat");
  EXPECT_EQ(error_of(""), "line 1: empty connection script");
  EXPECT_EQ(error_of("# only\n"), "line 1: empty connection script");
  EXPECT_EQ(error_of("send x\n---\n---\nsend y\n"), "line 3: empty connection script");
  EXPECT_EQ(error_of("send_file missing.bin\n"), "line 1: cannot open /nonexistent/missing.bin");
  EXPECT_EQ(error_of("send_slowly 0 5 x\n"), "line 1: send_slowly chunk size must be positive");
}

// ---- the mcurl_scripted_server binary ------------------------------------------------

std::string write_temp(const std::string& text) {
  char path[] = "/tmp/mcurl_script_XXXXXX";
  int fd = ::mkstemp(path);
  if (fd < 0) return "";
  (void)!::write(fd, text.data(), text.size());
  ::close(fd);
  return path;
}

TEST(ScriptedServerBinary, ServesTheSameSequenceToTwoRuns) {
  std::string script = write_temp(
      "# two connections per run\n"
      "expect\n"
      "send \"HTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\n\\r\\nA\"\n"
      "expect\n"
      "send \"HTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\n\\r\\nB\"\n"
      "--- connection\n"
      "expect\n"
      "send \"HTTP/1.1 500 Bad\\r\\nConnection: close\\r\\n\\r\\nC\"\n"
      "close\n");
  ASSERT_FALSE(script.empty());
  std::string log = script + ".log";
  Child server({MCURL_SCRIPTED_SERVER_PATH, "--log", log, script});
  std::uint16_t port = parse_port_line(server.read_line(5000));
  ASSERT_NE(port, 0);
  for (int run = 0; run < 2; ++run) {
    Client a(port);
    ASSERT_TRUE(a.send("GET /1 HTTP/1.1\r\n\r\n"));
    Response r1 = read_response(a);
    ASSERT_TRUE(r1.ok);
    EXPECT_EQ(r1.body, "A");
    ASSERT_TRUE(a.send("GET /2 HTTP/1.1\r\n\r\n"));
    ASSERT_TRUE(a.read_until_close(5000));
    EXPECT_EQ(a.buffer(), "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nB") << "run " << run;
    Client b(port);
    ASSERT_TRUE(b.send("GET /3 HTTP/1.1\r\n\r\n"));
    ASSERT_TRUE(b.read_until_close(5000));
    EXPECT_EQ(b.buffer(), "HTTP/1.1 500 Bad\r\nConnection: close\r\n\r\nC") << "run " << run;
  }
  server.close_stdin();  // stdin is a pipe: EOF stops the server
  int st = server.wait(5000);
  ASSERT_NE(st, -1);
  EXPECT_TRUE(WIFEXITED(st));
  EXPECT_EQ(WEXITSTATUS(st), 0);
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("=== request 5 on connection 3"), std::string::npos) << text;
  EXPECT_NE(text.find("GET /3 HTTP/1.1"), std::string::npos);
  std::remove(script.c_str());
  std::remove(log.c_str());
}

TEST(ScriptedServerBinary, SigtermStopsItAndBadScriptsFail) {
  std::string script = write_temp("hold\n");
  {
    Child server({MCURL_SCRIPTED_SERVER_PATH, script});
    std::uint16_t port = parse_port_line(server.read_line(5000));
    ASSERT_NE(port, 0);
    Client c(port);
    EXPECT_FALSE(c.readable(50));
    ::kill(server.pid(), SIGTERM);
    int st = server.wait(5000);
    ASSERT_NE(st, -1);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    EXPECT_TRUE(c.read_until_close(2000));
  }
  std::remove(script.c_str());
  std::string bad = write_temp("frobnicate\n");
  Child server({MCURL_SCRIPTED_SERVER_PATH, bad});
  EXPECT_EQ(server.read_line(5000), "");
  int st = server.wait(5000);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 1);
  std::remove(bad.c_str());
}

}  // namespace
}  // namespace mcurl::test
