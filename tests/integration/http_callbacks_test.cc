// The application's callbacks over the three drive modes: a short write count, pausing
// from the write callback and resuming with curl_easy_pause, aborting from the progress
// callback, FAILONERROR, the ERRORBUFFER texts, debug-callback sanity.
#include "harness.h"

namespace mcurl::itest {
namespace {

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

class Callbacks : public ModeTest {};

TEST_P(Callbacks, ShortWriteIsWriteError) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/w"));
  e.write_fn = [](Easy&, const char*, std::size_t n) { return n - 1; };
  EXPECT_EQ(run1(e), CURLE_WRITE_ERROR);
  EXPECT_EQ(e.error(), "Failure writing output to destination");
  EXPECT_EQ(e.write_calls, 1u);
}

TEST_P(Callbacks, WriteFuncErrorValue) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/w2"));
  e.write_fn = [](Easy&, const char*, std::size_t) -> std::size_t { return CURL_WRITEFUNC_ERROR; };
  EXPECT_EQ(run1(e), CURLE_WRITE_ERROR);
}

TEST_P(Callbacks, HeaderCallbackShortCount) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/hw"));
  e.set(
      CURLOPT_HEADERFUNCTION,
      +[](char*, std::size_t, std::size_t, void*) -> std::size_t { return 0; });
  EXPECT_EQ(run1(e), CURLE_WRITE_ERROR);
  EXPECT_EQ(e.error(), "Failed writing header");
  EXPECT_EQ(e.body, "");
}

TEST_P(Callbacks, PauseFromWriteCallbackThenResume) {
  const std::string body = "0123456789abcdefghij";
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n" + body),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/pause"));
  std::vector<std::string> offered;
  bool paused = false;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) -> std::size_t {
    offered.emplace_back(p, n);
    if (offered.size() == 1) {
      paused = true;
      return CURL_WRITEFUNC_PAUSE;
    }
    self.body.append(p, n);
    return n;
  };
  auto resume = [&](Easy& self) {
    if (paused) {
      paused = false;
      EXPECT_EQ(curl_easy_pause(self.get(), CURLPAUSE_CONT), CURLE_OK);
    }
  };
  if (mode() == DriveMode::EasyPerform) {
    // curl_easy_perform: unpause from the progress callback (the documented place).
    e.xferinfo_fn = [&](Easy& self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
      resume(self);
      return 0;
    };
    e.enable_xferinfo();
  } else {
    e.tick = resume;  // the application's loop, outside every callback
  }
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_GE(offered.size(), 2u);
  // The bytes refused with PAUSE come again, first, after the resume.
  EXPECT_EQ(offered[1].substr(0, offered[0].size()), offered[0]);
  EXPECT_EQ(e.body, body);
  EXPECT_FALSE(paused);
}

TEST_P(Callbacks, PauseUnpauseOfAnIdleHandle) {
  Easy& e = make_easy();
  // No transfer: 7.88.1 answers BAD_FUNCTION_ARGUMENT (no connection).
  EXPECT_EQ(curl_easy_pause(e.get(), CURLPAUSE_ALL), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(curl_easy_pause(e.get(), CURLPAUSE_CONT), CURLE_BAD_FUNCTION_ARGUMENT);
}

TEST_P(Callbacks, XferinfoAbort) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234"),
                    Step::hold()});
  Easy& e = make_easy(s.url("/abort"));
  e.xferinfo_fn = [](Easy& self, curl_off_t, curl_off_t dlnow, curl_off_t, curl_off_t) {
    return self.body.empty() && dlnow == 0 ? 0 : 1;
  };
  e.enable_xferinfo();
  EXPECT_EQ(run1(e), CURLE_ABORTED_BY_CALLBACK);
  EXPECT_EQ(e.error(), "Callback aborted");
  EXPECT_GE(e.xferinfo_calls, 1u);
  s.stop();
}

TEST_P(Callbacks, ProgressFunctionAbort) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n012"), Step::hold()});
  Easy& e = make_easy(s.url("/abort2"));
  static int calls;
  calls = 0;
  e.set(
      CURLOPT_PROGRESSFUNCTION, +[](void*, double, double dlnow, double, double) -> int {
        ++calls;
        return dlnow > 0 ? 1 : 0;
      });
  e.set(CURLOPT_NOPROGRESS, 0L);
  e.set(CURLOPT_TIMEOUT_MS, 5000L);
  EXPECT_EQ(run1(e), CURLE_ABORTED_BY_CALLBACK);
  EXPECT_EQ(e.error(), "Callback aborted");
  EXPECT_EQ(e.body, "012");
  EXPECT_GE(calls, 1);
  s.stop();
}

TEST_P(Callbacks, XferinfoSeesTheFigures) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/x"));
  curl_off_t last_now = -1, last_total = -1;
  e.xferinfo_fn = [&](Easy&, curl_off_t dltotal, curl_off_t dlnow, curl_off_t, curl_off_t) {
    EXPECT_GE(dlnow, last_now);  // never goes back
    last_now = dlnow;
    last_total = dltotal;
    return 0;
  };
  e.enable_xferinfo();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(last_now, 10);
  EXPECT_EQ(last_total, 10);
}

TEST_P(Callbacks, FailOnError) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/missing"));
  e.set(CURLOPT_FAILONERROR, 1L);
  EXPECT_EQ(run1(e), CURLE_HTTP_RETURNED_ERROR);
  EXPECT_EQ(e.error(), "The requested URL returned error: 404");
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 404);
  EXPECT_EQ(e.body, "");
}

TEST_P(Callbacks, WithoutFailOnErrorA404IsOk) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/missing"));
  EXPECT_EQ(run1(e), CURLE_OK);
  EXPECT_EQ(e.error(), "");
  EXPECT_EQ(e.body, "not found");
}

TEST_P(Callbacks, ErrorBufferForAnUnsupportedScheme) {
  Easy& e = make_easy("htp://x/");
  EXPECT_EQ(run1(e), CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(e.error(), "Protocol \"htp\" not supported or disabled in libcurl");
}

TEST_P(Callbacks, ErrorBufferForABadHostName) {
  Easy& e = make_easy("http://exa mple/");
  EXPECT_EQ(run1(e), CURLE_URL_MALFORMAT);
  EXPECT_EQ(e.error(), "");  // 7.88.1 leaves the buffer empty for this one
}

TEST_P(Callbacks, ErrorBufferWithoutAUrl) {
  Easy& e = make_easy();
  EXPECT_EQ(run1(e), CURLE_URL_MALFORMAT);
  EXPECT_EQ(e.error(), "No URL set");
}

TEST_P(Callbacks, DebugCallbackSeesTheRequestHead) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/dbg"));
  static std::string header_out, header_in, data_in;
  header_out.clear();
  header_in.clear();
  data_in.clear();
  e.set(CURLOPT_VERBOSE, 1L);
  e.set(
      CURLOPT_DEBUGFUNCTION, +[](CURL*, curl_infotype t, char* p, std::size_t n, void*) -> int {
        if (t == CURLINFO_HEADER_OUT) header_out.append(p, n);
        if (t == CURLINFO_HEADER_IN) header_in.append(p, n);
        if (t == CURLINFO_DATA_IN) data_in.append(p, n);
        return 0;
      });
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(header_out, plain_request("GET", "/dbg", s));
  EXPECT_EQ(header_in, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
  EXPECT_EQ(data_in, "ok");
}

TEST_P(Callbacks, MaxFileSize) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/max"));
  e.set(CURLOPT_MAXFILESIZE, 5L);
  EXPECT_EQ(run1(e), CURLE_FILESIZE_EXCEEDED);
  EXPECT_EQ(e.error(), "Maximum file size exceeded");
  EXPECT_EQ(e.body, "");
}

INSTANTIATE_TEST_SUITE_P(Modes, Callbacks, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
