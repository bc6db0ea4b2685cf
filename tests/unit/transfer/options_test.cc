// Tests for src/transfer/options.h (Options::set, reset, copy) and Transfer's setopt,
// getinfo and duplicate glue.
#include "transfer/options.h"

#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "transfer/option_table.h"
#include "transfer/transfer.h"

namespace mcurl {
namespace {

OptArg L(long v) { return OptArg::of_long(v); }
OptArg P(const void* v) { return OptArg::of_ptr(const_cast<void*>(v)); }
OptArg O(curl_off_t v) { return OptArg::of_off(v); }

TEST(ArgKind, FollowsTheTypeRanges) {
  EXPECT_EQ(arg_kind_of(CURLOPT_VERBOSE), OptArg::Kind::Long);
  EXPECT_EQ(arg_kind_of(CURLOPT_URL), OptArg::Kind::Ptr);
  EXPECT_EQ(arg_kind_of(CURLOPT_WRITEFUNCTION), OptArg::Kind::Func);
  EXPECT_EQ(arg_kind_of(CURLOPT_INFILESIZE_LARGE), OptArg::Kind::OffT);
  EXPECT_EQ(arg_kind_of(CURLOPT_SSLCERT_BLOB), OptArg::Kind::Ptr);
  EXPECT_EQ(arg_kind_of(CURLoption(-1)), OptArg::Kind::None);
  EXPECT_EQ(arg_kind_of(CURLoption(50000)), OptArg::Kind::None);
}

TEST(Options, DefaultsAreLibcurls) {
  Options o;
  EXPECT_EQ(o.maxredirs, -1);
  EXPECT_EQ(o.buffersize, CURL_MAX_WRITE_SIZE);
  EXPECT_EQ(o.ssl_verifypeer, 1);
  EXPECT_EQ(o.ssl_verifyhost, 2);
  EXPECT_EQ(o.dns_cache_timeout, 60);
  EXPECT_EQ(o.postfieldsize, -1);
  EXPECT_EQ(o.infilesize, -1);
  EXPECT_EQ(o.httpauth, CURLAUTH_BASIC);
  EXPECT_FALSE(o.url.has_value());
  EXPECT_STREQ(o.effective_method(), "GET");
}

TEST(Options, EveryTableOptionIsAcceptedWithAZeroValue) {
  // Zero/NULL is fine for every option except the ones 7.88.1 refuses it for.
  for (const auto& e : option_table::entries()) {
    Options o;
    OptArg arg;
    switch (arg_kind_of(e.id)) {
      case OptArg::Kind::Long:
        arg = L(0);
        break;
      case OptArg::Kind::OffT:
        arg = O(0);
        break;
      case OptArg::Kind::Func:
        arg = OptArg::of_func(nullptr);
        break;
      default:
        arg = P(nullptr);
        break;
    }
    const CURLcode rc = o.set(e.id, arg);
    switch (e.id) {
      case CURLOPT_ALTSVC_CTRL:
      case CURLOPT_PROTOCOLS_STR:
      case CURLOPT_REDIR_PROTOCOLS_STR:
      case CURLOPT_PROXY_TLSAUTH_TYPE:
        EXPECT_EQ(rc, CURLE_BAD_FUNCTION_ARGUMENT) << e.name;
        break;
      case CURLOPT_SSL_FALSESTART:
        EXPECT_EQ(rc, CURLE_NOT_BUILT_IN) << e.name;
        break;
      case CURLOPT_SHARE:  // the facade's
      case CURLOPT_WS_OPTIONS:
      case CURLOPT_DNS_SERVERS:
      case CURLOPT_DNS_INTERFACE:
      case CURLOPT_DNS_LOCAL_IP4:
      case CURLOPT_DNS_LOCAL_IP6:
      case CURLOPT_CONV_FROM_NETWORK_FUNCTION:
      case CURLOPT_CONV_TO_NETWORK_FUNCTION:
      case CURLOPT_CONV_FROM_UTF8_FUNCTION:
        EXPECT_EQ(rc, CURLE_UNKNOWN_OPTION) << e.name;
        break;
      default:
        EXPECT_EQ(rc, CURLE_OK) << e.name;
    }
  }
}

TEST(Options, UnknownNumbersAreUnknown) {
  Options o;
  EXPECT_EQ(o.set(CURLoption(10040), P(nullptr)), CURLE_UNKNOWN_OPTION);
  EXPECT_EQ(o.set(CURLoption(399), L(0)), CURLE_UNKNOWN_OPTION);
  EXPECT_EQ(o.set(CURLoption(-1), OptArg{}), CURLE_UNKNOWN_OPTION);
}

TEST(Options, RangesAreCheckedAndRejectedValuesLeaveTheOldOne) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_MAXREDIRS, L(5)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_MAXREDIRS, L(-2)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.maxredirs, 5);
  EXPECT_EQ(o.set(CURLOPT_MAXREDIRS, L(-1)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_PORT, L(65535)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_PORT, L(65536)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.port, 65535);
  EXPECT_EQ(o.set(CURLOPT_TIMEOUT, L(INT_MAX / 1000)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_TIMEOUT, L(INT_MAX / 1000 + 1)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_CONNECT_ONLY, L(-5)), CURLE_OK);  // only > 2 is refused
  EXPECT_EQ(o.set(CURLOPT_CONNECT_ONLY, L(3)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_NEW_FILE_PERMS, L(0777)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_NEW_FILE_PERMS, L(01000)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_MAXFILESIZE_LARGE, O(-1)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_RESUME_FROM_LARGE, O(-1)), CURLE_OK);
}

TEST(Options, EnumsAndBitmasks) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_HTTP_VERSION, L(CURL_HTTP_VERSION_1_1)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_HTTP_VERSION, L(CURL_HTTP_VERSION_3)), CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(o.set(CURLOPT_HTTP_VERSION, L(-1)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.http_version, CURL_HTTP_VERSION_1_1);

  EXPECT_EQ(o.set(CURLOPT_SSLVERSION,
                  L(long(CURL_SSLVERSION_TLSv1_2) | long(CURL_SSLVERSION_MAX_TLSv1_3))),
            CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_SSLVERSION, L(CURL_SSLVERSION_SSLv3)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_SSLVERSION, L(8L << 16)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.sslversion, long(CURL_SSLVERSION_TLSv1_2) | long(CURL_SSLVERSION_MAX_TLSv1_3));

  EXPECT_EQ(o.set(CURLOPT_HTTPAUTH, L(long(CURLAUTH_ONLY))), CURLE_NOT_BUILT_IN);
  EXPECT_EQ(o.set(CURLOPT_HTTPAUTH, L(long(CURLAUTH_DIGEST_IE))), CURLE_OK);
  EXPECT_EQ(o.httpauth, CURLAUTH_DIGEST);
  EXPECT_TRUE(o.httpauth_digest_ie);
  EXPECT_EQ(o.set(CURLOPT_HTTPAUTH, L(0)), CURLE_OK);

  EXPECT_EQ(o.set(CURLOPT_SOCKS5_AUTH, L(long(CURLAUTH_DIGEST))), CURLE_NOT_BUILT_IN);
  EXPECT_EQ(o.set(CURLOPT_SOCKS5_AUTH, L(256)), CURLE_OK);  // only the low byte counts
  EXPECT_EQ(o.socks5_auth, 0);
}

TEST(Options, BufferSizesAreClamped) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_BUFFERSIZE, L(10)), CURLE_OK);
  EXPECT_EQ(o.buffersize, 1024);
  EXPECT_EQ(o.set(CURLOPT_BUFFERSIZE, L(1L << 30)), CURLE_OK);
  EXPECT_EQ(o.buffersize, 512 * 1024);
  EXPECT_EQ(o.set(CURLOPT_BUFFERSIZE, L(0)), CURLE_OK);
  EXPECT_EQ(o.buffersize, CURL_MAX_WRITE_SIZE);
  EXPECT_EQ(o.set(CURLOPT_UPLOAD_BUFFERSIZE, L(1)), CURLE_OK);
  EXPECT_EQ(o.upload_buffersize, 16 * 1024);
}

TEST(Options, StringsAreCopiedAndNullUnsets) {
  Options o;
  std::string url = "http://example.com/";
  EXPECT_EQ(o.set(CURLOPT_URL, P(url.c_str())), CURLE_OK);
  url[0] = 'X';
  ASSERT_TRUE(o.url.has_value());
  EXPECT_EQ(*o.url, "http://example.com/");
  EXPECT_EQ(o.set(CURLOPT_URL, P("")), CURLE_OK);
  EXPECT_EQ(*o.url, "");
  EXPECT_EQ(o.set(CURLOPT_URL, P(nullptr)), CURLE_OK);
  EXPECT_FALSE(o.url.has_value());

  const std::string longest(8000000, 'a');
  const std::string too_long(8000001, 'a');
  EXPECT_EQ(o.set(CURLOPT_USERAGENT, P(longest.c_str())), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_USERAGENT, P(too_long.c_str())), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.useragent->size(), 8000000u);
}

TEST(Options, UserpwdIsSplitAtTheFirstColon) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_USERPWD, P("user:pa:ss")), CURLE_OK);
  EXPECT_EQ(*o.username, "user");
  EXPECT_EQ(*o.password, "pa:ss");
  EXPECT_EQ(o.set(CURLOPT_USERPWD, P("alone")), CURLE_OK);
  EXPECT_EQ(*o.username, "alone");
  EXPECT_FALSE(o.password.has_value());
  EXPECT_EQ(o.set(CURLOPT_PROXYUSERPWD, P(":")), CURLE_OK);
  EXPECT_EQ(*o.proxyusername, "");
  EXPECT_EQ(*o.proxypassword, "");
  EXPECT_EQ(o.set(CURLOPT_USERPWD, P(nullptr)), CURLE_OK);
  EXPECT_FALSE(o.username.has_value());
}

TEST(Options, ProtocolStrings) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_PROTOCOLS_STR, P("HTTP,https,")), CURLE_OK);
  EXPECT_EQ(o.protocols, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  EXPECT_EQ(o.set(CURLOPT_PROTOCOLS_STR, P("all")), CURLE_OK);
  EXPECT_EQ(o.protocols, long(CURLPROTO_ALL));
  EXPECT_EQ(o.set(CURLOPT_PROTOCOLS_STR, P("http,ws")), CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(o.set(CURLOPT_PROTOCOLS_STR, P("all,http")), CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(o.set(CURLOPT_PROTOCOLS_STR, P(",,")), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.set(CURLOPT_REDIR_PROTOCOLS_STR, P("ftp")), CURLE_OK);
  EXPECT_EQ(o.redir_protocols, long(CURLPROTO_FTP));
  EXPECT_EQ(o.protocols, long(CURLPROTO_ALL));
}

TEST(Options, PostFieldsBorrowedOrCopied) {
  Options o;
  static const char kBody[] = "a=b";
  EXPECT_EQ(o.set(CURLOPT_POSTFIELDS, P(kBody)), CURLE_OK);
  EXPECT_EQ(o.postfields_data(), kBody);  // the application's bytes, not a copy
  EXPECT_EQ(o.method, HttpMethod::Post);

  EXPECT_EQ(o.set(CURLOPT_COPYPOSTFIELDS, P("xyz")), CURLE_OK);
  EXPECT_NE(o.postfields_data(), nullptr);
  EXPECT_STREQ(o.postfields_data(), "xyz");
  EXPECT_FALSE(o.postfields);
  EXPECT_TRUE(o.duplicate_fails());  // 7.88.1's duphandle quirk

  // With a size, exactly that many bytes (NULs included) are copied.
  EXPECT_EQ(o.set(CURLOPT_POSTFIELDSIZE, L(3)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_COPYPOSTFIELDS, P("a\0b")), CURLE_OK);
  EXPECT_EQ(o.postfields_copy->size(), 3u);
  EXPECT_FALSE(o.duplicate_fails());
  // Growing the size past the copy drops it.
  EXPECT_EQ(o.set(CURLOPT_POSTFIELDSIZE_LARGE, O(10)), CURLE_OK);
  EXPECT_EQ(o.postfields_data(), nullptr);
  EXPECT_EQ(o.set(CURLOPT_POSTFIELDSIZE, L(-2)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.postfieldsize, 10);
}

TEST(Options, MethodFollowsTheMethodOptions) {
  Options o;
  EXPECT_EQ(o.set(CURLOPT_NOBODY, L(1)), CURLE_OK);
  EXPECT_STREQ(o.effective_method(), "HEAD");
  EXPECT_EQ(o.set(CURLOPT_POST, L(1)), CURLE_OK);
  EXPECT_STREQ(o.effective_method(), "GET");
  EXPECT_EQ(o.method, HttpMethod::Post);
  EXPECT_EQ(o.set(CURLOPT_NOBODY, L(1)), CURLE_OK);
  EXPECT_EQ(o.set(CURLOPT_UPLOAD, L(0)), CURLE_OK);
  EXPECT_STREQ(o.effective_method(), "HEAD");
  EXPECT_EQ(o.set(CURLOPT_CUSTOMREQUEST, P("PATCH")), CURLE_OK);
  EXPECT_STREQ(o.effective_method(), "PATCH");
}

TEST(Options, BlobsCopyOnlyWhenAsked) {
  Options o;
  char bytes[] = "key";
  curl_blob copy{bytes, 3, CURL_BLOB_COPY};
  curl_blob borrow{bytes, 3, CURL_BLOB_NOCOPY};
  EXPECT_EQ(o.set(CURLOPT_SSLKEY_BLOB, P(&copy)), CURLE_OK);
  EXPECT_TRUE(o.sslkey_blob.is_copy());
  EXPECT_NE(o.sslkey_blob.data(), static_cast<const void*>(bytes));
  EXPECT_EQ(o.set(CURLOPT_SSLCERT_BLOB, P(&borrow)), CURLE_OK);
  EXPECT_EQ(o.sslcert_blob.data(), static_cast<const void*>(bytes));
  EXPECT_EQ(o.sslcert_blob.size(), 3u);
  curl_blob huge{bytes, 8000001, CURL_BLOB_NOCOPY};
  EXPECT_EQ(o.set(CURLOPT_SSLCERT_BLOB, P(&huge)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.sslcert_blob.size(), 3u);
  EXPECT_EQ(o.set(CURLOPT_SSLCERT_BLOB, P(nullptr)), CURLE_OK);
  EXPECT_FALSE(o.sslcert_blob.is_set());
}

TEST(Options, ResetAndCopy) {
  Options o;
  curl_slist list{const_cast<char*>("X-A: b"), nullptr};
  ASSERT_EQ(o.set(CURLOPT_URL, P("http://a/")), CURLE_OK);
  ASSERT_EQ(o.set(CURLOPT_HTTPHEADER, P(&list)), CURLE_OK);
  ASSERT_EQ(o.set(CURLOPT_VERBOSE, L(1)), CURLE_OK);

  Options copy = o;
  EXPECT_EQ(*copy.url, "http://a/");
  EXPECT_NE(copy.url->c_str(), o.url->c_str());  // deep copy
  EXPECT_EQ(copy.httpheader.get(), &list);       // still borrowed
  EXPECT_EQ(copy.verbose, 1);

  o.reset();
  EXPECT_FALSE(o.url.has_value());
  EXPECT_EQ(o.httpheader.get(), nullptr);
  EXPECT_EQ(o.verbose, 0);
  EXPECT_EQ(o.maxredirs, -1);
  EXPECT_EQ(*copy.url, "http://a/");
}

TEST(Options, ColdOptionsAreAllocatedOnlyWhenSetAndCopied) {
  Options o;
  // Reading a cold option of a fresh handle gives the default without allocating.
  EXPECT_EQ(o.cold().ftp_use_epsv, 1);
  EXPECT_EQ(o.cold().tftp_blksize, 512);
  EXPECT_FALSE(o.cold().mail_from.has_value());
  EXPECT_EQ(&o.cold(), &Options().cold());  // the shared defaults
  // A rejected value leaves the old one (and the defaults) in place.
  EXPECT_EQ(o.set(CURLOPT_NEW_FILE_PERMS, L(01000)), CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.cold().new_file_perms, 0644);
  ASSERT_EQ(o.set(CURLOPT_FTP_USE_EPSV, L(0)), CURLE_OK);
  ASSERT_EQ(o.set(CURLOPT_MAIL_FROM, P("<a@b>")), CURLE_OK);
  curl_slist quote{const_cast<char*>("NOOP"), nullptr};
  ASSERT_EQ(o.set(CURLOPT_QUOTE, P(&quote)), CURLE_OK);
  ASSERT_EQ(o.set(CURLOPT_MAX_RECV_SPEED_LARGE, O(1000)), CURLE_OK);
  EXPECT_NE(&o.cold(), &Options().cold());
  EXPECT_EQ(o.cold().ftp_use_epsv, 0);
  EXPECT_EQ(*o.cold().mail_from, "<a@b>");
  EXPECT_EQ(o.cold().quote.get(), &quote);
  EXPECT_EQ(o.cold().max_recv_speed, 1000);
  EXPECT_EQ(o.cold().tftp_blksize, 512);  // the rest of the block holds the defaults

  Options copy = o;  // curl_easy_duphandle: a deep copy of the block
  EXPECT_NE(&copy.cold(), &o.cold());
  EXPECT_EQ(copy.cold().ftp_use_epsv, 0);
  EXPECT_NE(copy.cold().mail_from->c_str(), o.cold().mail_from->c_str());
  EXPECT_EQ(copy.cold().quote.get(), &quote);  // lists stay borrowed

  o.reset();  // curl_easy_reset: the defaults again
  EXPECT_EQ(o.cold().ftp_use_epsv, 1);
  EXPECT_FALSE(o.cold().mail_from.has_value());
  EXPECT_EQ(*copy.cold().mail_from, "<a@b>");
}

TEST(TransferGetinfo, FreshHandleAnswers) {
  Transfer t;
  char* s = reinterpret_cast<char*>(1);
  ASSERT_EQ(t.getinfo(CURLINFO_EFFECTIVE_URL, &s), CURLE_OK);
  EXPECT_STREQ(s, "");
  ASSERT_EQ(t.getinfo(CURLINFO_SCHEME, &s), CURLE_OK);
  EXPECT_EQ(s, nullptr);
  long l = 7;
  ASSERT_EQ(t.getinfo(CURLINFO_FILETIME, &l), CURLE_OK);
  EXPECT_EQ(l, -1);
  curl_off_t off = 7;
  ASSERT_EQ(t.getinfo(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &off), CURLE_OK);
  EXPECT_EQ(off, -1);
  curl_socket_t sock = 0;
  ASSERT_EQ(t.getinfo(CURLINFO_ACTIVESOCKET, &sock), CURLE_OK);
  EXPECT_EQ(sock, CURL_SOCKET_BAD);
  EXPECT_EQ(t.getinfo(CURLINFO_RESPONSE_CODE, nullptr), CURLE_UNKNOWN_OPTION);
  EXPECT_EQ(t.getinfo(CURLINFO(CURLINFO_LONG + 63), &l), CURLE_UNKNOWN_OPTION);
  EXPECT_EQ(t.getinfo(CURLINFO(0x700001), &l), CURLE_UNKNOWN_OPTION);
}

TEST(TransferGetinfo, UrlPrivateRefererAndDuplicate) {
  Transfer t;
  int marker = 0;
  ASSERT_EQ(t.setopt(CURLOPT_URL, P("http://x/")), CURLE_OK);
  ASSERT_EQ(t.setopt(CURLOPT_REFERER, P("http://r/")), CURLE_OK);
  ASSERT_EQ(t.setopt(CURLOPT_PRIVATE, P(&marker)), CURLE_OK);
  char* s = nullptr;
  ASSERT_EQ(t.getinfo(CURLINFO_EFFECTIVE_URL, &s), CURLE_OK);
  EXPECT_STREQ(s, "http://x/");
  ASSERT_EQ(t.getinfo(CURLINFO_PRIVATE, &s), CURLE_OK);
  EXPECT_EQ(static_cast<void*>(s), static_cast<void*>(&marker));

  Transfer d;
  ASSERT_TRUE(d.copy_settings_from(t));
  ASSERT_EQ(d.getinfo(CURLINFO_REFERER, &s), CURLE_OK);
  EXPECT_STREQ(s, "http://r/");

  t.reset();
  ASSERT_EQ(t.getinfo(CURLINFO_EFFECTIVE_URL, &s), CURLE_OK);
  EXPECT_STREQ(s, "");
  ASSERT_EQ(t.getinfo(CURLINFO_PRIVATE, &s), CURLE_OK);
  EXPECT_EQ(s, nullptr);

  ASSERT_EQ(t.setopt(CURLOPT_COPYPOSTFIELDS, P("body")), CURLE_OK);
  Transfer e;
  EXPECT_FALSE(e.copy_settings_from(t));
}

TEST(TransferShare, AttachDetach) {
  Share share;
  {
    Transfer t;
    t.set_share(&share);
    EXPECT_TRUE(share.in_use());
    t.reset();
    EXPECT_TRUE(share.in_use());  // reset keeps the share
    t.set_share(nullptr);
    EXPECT_FALSE(share.in_use());
    t.set_share(&share);
  }
  EXPECT_FALSE(share.in_use());  // the destructor detaches
}

}  // namespace
}  // namespace mcurl
