// Tests for src/util/mprintf.h: the printf engine with libcurl 7.88.1's behaviour.
// The expected strings were taken from the system libcurl 7.88.1 (the conformance case
// tests/conformance/mprintf.c compares thousands more against it directly).
#include "util/mprintf.h"

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "util/alloc.h"

namespace mcurl {
namespace {

// No format attribute here: the tests use 7.88.1 extensions and odd formats on purpose.
std::string f(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string s = vformat(fmt, ap);
  va_end(ap);
  return s;
}

int snp(char* buf, std::size_t size, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vformat_buffer(buf, size, fmt, ap);
  va_end(ap);
  return r;
}

int sp(char* buf, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vformat_unbounded(buf, fmt, ap);
  va_end(ap);
  return r;
}

// Returns the vformat_alloc result as a string, or "<NULL>".
std::string ap(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  char* p = vformat_alloc(fmt, args);
  va_end(args);
  if (p == nullptr) return "<NULL>";
  std::string s(p);
  alloc::free(p);
  return s;
}

TEST(Mprintf, PlainTextAndPercent) {
  EXPECT_EQ(f(""), "");
  EXPECT_EQ(f("hello"), "hello");
  EXPECT_EQ(f("100%% sure %%%%"), "100% sure %%");
  EXPECT_EQ(f("trailing %"), "trailing ");
  EXPECT_EQ(f("%"), "");
}

TEST(Mprintf, Integers) {
  EXPECT_EQ(f("%d %i", -12345, 67890), "-12345 67890");
  EXPECT_EQ(f("%d", INT_MIN), "-2147483648");
  EXPECT_EQ(f("%u", -1), "4294967295");
  EXPECT_EQ(f("%x %X %o", 0xabcdefU, 0xabcdefU, 0777U), "abcdef ABCDEF 777");
  EXPECT_EQ(f("%ld", LONG_MIN), "-9223372036854775808");
  EXPECT_EQ(f("%lu %llu", ULONG_MAX, ULLONG_MAX), "18446744073709551615 18446744073709551615");
  EXPECT_EQ(f("%lld %qd", LLONG_MIN, LLONG_MAX), "-9223372036854775808 9223372036854775807");
  EXPECT_EQ(f("%zd %zu", static_cast<std::size_t>(-1), static_cast<std::size_t>(-1)),
            "-1 18446744073709551615");
  EXPECT_EQ(f("%Od", static_cast<long long>(-5)), "-5");
  EXPECT_EQ(f("%lld", 1LL << 40), "1099511627776");
}

TEST(Mprintf, IntegerQuirksOf7881) {
  EXPECT_EQ(f("%o", -1), "1777777777777777777777");  // sign-extended to 64 bits
  EXPECT_EQ(f("%#x %#X", 0, 0), "0x0 0X0");
  EXPECT_EQ(f("%#o %#o %#o", 0, 8, 1), "0 010 01");
  EXPECT_EQ(f("%hd %hhd %hu", 70000, 300, 70000), "70000 300 70000");  // not narrowed
  EXPECT_EQ(f("%.0d|%.0x|%#.0x|", 0, 0, 0), "||0x|");
  EXPECT_EQ(f("%.-5d|", 0), "|");       // a negative written precision is kept
  EXPECT_EQ(f("%. 5d|", 3), "00003|");  // strtol skips the blank
}

TEST(Mprintf, FlagsAndWidths) {
  EXPECT_EQ(f("[%5d][%-5d][%05d]", 42, 42, 42), "[   42][42   ][00042]");
  EXPECT_EQ(f("[%+d][% d][%+d]", 5, 5, -5), "[+5][ 5][-5]");
  EXPECT_EQ(f("[%05d][%+05d][% 05d]", -3, 3, 3), "[-0003][+0003][ 0003]");
  EXPECT_EQ(f("[%-05d][%0-5d]", 3, 3), "[3    ][3    ]");
  EXPECT_EQ(f("[%#08x][%-#8x]", 255, 255), "[0x0000ff][0xff    ]");
  EXPECT_EQ(f("[%.3d][%8.3d][%-8.3d]", 7, -7, 7), "[007][    -007][007     ]");
  EXPECT_EQ(f("[%#5o][%#.5o]", 8, 8), "[  010][00010]");
}

TEST(Mprintf, StarWidthAndPrecision) {
  EXPECT_EQ(f("[%*d]", 5, 3), "[    3]");
  EXPECT_EQ(f("[%-*d]", -5, 3), "[3    ]");
  EXPECT_EQ(f("[%*d]", -5, 3), "[3    ]");
  EXPECT_EQ(f("[%.*d]", -1, 0), "[0]");
  EXPECT_EQ(f("[%*.*d]", 8, 4, 42), "[    0042]");
  EXPECT_EQ(f("[%*.*s]", 8, 2, "abcdef"), "[      ab]");
  EXPECT_EQ(f("[%*f]", -8, 3.1), "[3.100000]");  // '-' without a width: no padding
  EXPECT_EQ(f("[%.*f]", -2, 3.1), "[3.100000]");
}

TEST(Mprintf, Chars) {
  EXPECT_EQ(f("%c%c%c", 'a', 'b', 'c'), "abc");
  EXPECT_EQ(f("[%5c][%-5c][%05c]", 'x', 'y', 'z'), "[    x][y    ][    z]");
  EXPECT_EQ(f("%c", 256 + 'A'), "A");
  std::string nul = f("a%cb", 0);
  EXPECT_EQ(nul, std::string("a\0b", 3));
}

TEST(Mprintf, Strings) {
  EXPECT_EQ(f("%s", "hello"), "hello");
  EXPECT_EQ(f("[%10.3s][%-10.3s]", "abcdef", "abcdef"), "[       abc][abc       ]");
  // 7.88.1 pads as if the string were `precision` characters long.
  EXPECT_EQ(f("[%10.5s]", "abc"), "[     abc]");
  EXPECT_EQ(f("[%10.20s]", "abc"), "[abc]");
  EXPECT_EQ(f("[%.-5s]", "abc"), "[abc]");
  EXPECT_EQ(f("[%S]", "q"), "[\"q\"]");
  EXPECT_EQ(f("[%5S][%-5S]", "q", "q"), "[\"    q\"][\"q    \"]");
  EXPECT_EQ(f("[%08s]", "ab"), "[      ab]");
}

TEST(Mprintf, NullStringAndPointer) {
  const char* null_str = nullptr;
  EXPECT_EQ(f("%s", null_str), "(nil)");
  EXPECT_EQ(f("[%.3s][%.5s]", null_str, null_str), "[][(nil)]");
  EXPECT_EQ(f("[%10s][%-10s]", null_str, null_str), "[     (nil)][(nil)     ]");
  EXPECT_EQ(f("%S", null_str), "(nil)");  // no quotes
  void* null_ptr = nullptr;
  EXPECT_EQ(f("%p", null_ptr), "(nil)");
  // 7.88.1 pads a nil pointer on the opposite side.
  EXPECT_EQ(f("[%10p][%-10p]", null_ptr, null_ptr), "[(nil)     ][     (nil)]");
}

TEST(Mprintf, Pointers) {
  auto* p = reinterpret_cast<void*>(static_cast<std::uintptr_t>(0x1234));
  EXPECT_EQ(f("%p", p), "0x1234");
  auto* q = reinterpret_cast<void*>(static_cast<std::uintptr_t>(0x10));
  EXPECT_EQ(f("[%08p][%8.3p]", q, q), "[0x000010][   0x010]");
}

TEST(Mprintf, Doubles) {
  EXPECT_EQ(f("%f %e %E", 3.14159, 12345.678, 1.5), "3.141590 1.234568e+04 1.500000E+00");
  EXPECT_EQ(f("%g %G %#g", 1e-5, 1e-10, 1.0), "1e-05 1E-10 1.00000");
  EXPECT_EQ(f("[%+f][% f][%-8.2f]", 2.0, 2.0, 3.14159), "[+2.000000][ 2.000000][3.14    ]");
  EXPECT_EQ(f("[%05.1f]", 1.5), "[  1.5]");  // the 0 flag does not reach floats
  EXPECT_EQ(f("%lf %Lf", 1.0, 2.0), "1.000000 2.000000");
  EXPECT_EQ(f("%f", INFINITY), "inf");
  EXPECT_EQ(f("%.2f", INFINITY), "inf");  // 7.88.1 hangs here; we do not
  EXPECT_EQ(f("%.0e", 5.5), "6e+00");
}

TEST(Mprintf, DoubleOutputIsCappedAt325Characters) {
  std::string big = f("%.300f", 1e300);
  EXPECT_EQ(big.size(), 325u);
  EXPECT_EQ(big.substr(301, 3), ".00");  // precision cut to 23 digits
  std::string wide = f("%400.2f", 1.0);  // width capped at 325, precision wraps to 0
  EXPECT_EQ(wide.size(), 325u);
  EXPECT_EQ(wide.back(), '1');
  EXPECT_EQ(f("%12.300e|", 1.5).size(), 307u);
}

TEST(Mprintf, IntegerDigitsAreCappedAt325) {
  std::string s = f("%.500d", 1);
  EXPECT_EQ(s.size(), 325u);
  EXPECT_EQ(s.back(), '1');
  EXPECT_EQ(f("%#.500x", 1).size(), 327u);
}

TEST(Mprintf, UnknownConversionsPrintNothingButTakeAnArgument) {
  EXPECT_EQ(f("%y|%d", 5, 6), "|6");
  EXPECT_EQ(f("%k %s", "skipped", "shown"), " shown");
  // "%5%" is an unknown conversion whose '%' also starts the next one ("%|"), so the
  // "%d" after it takes the third argument.
  EXPECT_EQ(f("%5%|%d", 1, 2, 3), "|3");
  EXPECT_EQ(f("%I64d %d", 1, 2), "64d 2");
  EXPECT_EQ(f("%ll"), "");
}

TEST(Mprintf, MalformedFormatsPrintNothing) {
  EXPECT_EQ(f("ok%.5.*dtail", 3, 4), "");
  EXPECT_EQ(f("%.*.5d", 3, 4), "");
  EXPECT_EQ(f("%*129$d", 3, 4), "");
  std::string fmt;
  for (int i = 0; i < 129; ++i) fmt += "%c";
  EXPECT_EQ(f(fmt.c_str(), 'a', 'b'), "");
  char buf[8];
  std::memset(buf, '#', sizeof buf);
  EXPECT_EQ(snp(buf, sizeof buf, fmt.c_str(), 'a'), 0);
  EXPECT_EQ(buf[0], '\0');
  EXPECT_EQ(sp(buf, fmt.c_str(), 'a'), 0);
  EXPECT_EQ(ap(fmt.c_str(), 'a'), "");  // an empty string, not NULL
}

TEST(Mprintf, TooLargePositionIsNotAPosition) {
  // "129$" is no position: 129 becomes a width and '$' an unknown conversion.
  EXPECT_EQ(f("%129$d", 5), "d");
  EXPECT_EQ(f("%0$d|%d", 7, 8), "7|8");  // "0$" is consumed and means "next"
}

TEST(Mprintf, ExactlyOneHundredTwentyEightArguments) {
  std::string fmt;
  for (int i = 0; i < 128; ++i) fmt += "%d,";
  std::string out =
      f(fmt.c_str(), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
        22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44,
        45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67,
        68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
        91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110,
        111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127);
  EXPECT_EQ(out.substr(0, 10), "0,1,2,3,4,");
  EXPECT_EQ(out.substr(out.size() - 8), "126,127,");
}

TEST(Mprintf, PositionalArguments) {
  EXPECT_EQ(f("%2$s %1$s", "world", "hello"), "hello world");
  EXPECT_EQ(f("%1$s %1$s", "x"), "x x");
  EXPECT_EQ(f("%3$s %1$s %2$s", "a", "b", "c"), "c a b");
  EXPECT_EQ(f("%1$d %d %d", 1, 2, 3), "1 2 3");
  // A '*' argument is read before the value it belongs to, whatever its position.
  EXPECT_EQ(f("%1$*2$d|", 5, 6), "    6|");
  EXPECT_EQ(f("%2$*1$d|", 6, 42), "    42|");
  EXPECT_EQ(f("%1$*2$.*3$d|", 42, 8, 4), std::string(34, ' ') + "00000004|");
}

TEST(Mprintf, AnArgumentUsedTwiceTakesItsLastType) {
  EXPECT_EQ(f("%1$d %1$x", 255), "ff ff");
  EXPECT_EQ(f("%1$s %1$d", 12345), "12345 12345");
}

TEST(Mprintf, PercentNStoresTheCountSoFar) {
  int i = -1;
  long l = -1;
  long long ll = -1;
  short s = -1;
  EXPECT_EQ(f("abc%ndef%ln%s%lln|%hn%d", &i, &l, "xyz", &ll, &s, 7), "abcdefxyz|7");
  EXPECT_EQ(i, 3);
  EXPECT_EQ(l, 6);
  EXPECT_EQ(ll, 9);
  EXPECT_EQ(s, 10);
  int* none = nullptr;
  EXPECT_EQ(f("x%ny", none), "xy");  // no crash on NULL
}

TEST(Mprintf, BufferTruncationReturnsWhatWasStored) {
  char buf[16];
  std::memset(buf, '#', sizeof buf);
  EXPECT_EQ(snp(buf, 5, "hello world"), 4);
  EXPECT_STREQ(buf, "hell");
  EXPECT_EQ(snp(buf, 5, "abcd"), 4);
  EXPECT_STREQ(buf, "abcd");
  EXPECT_EQ(snp(buf, 5, "abcde"), 4);  // exactly full: the last byte gives way to NUL
  EXPECT_STREQ(buf, "abcd");
  EXPECT_EQ(snp(buf, 5, "ab"), 2);
  EXPECT_STREQ(buf, "ab");
  std::memset(buf, '#', sizeof buf);
  EXPECT_EQ(snp(buf, 0, "abcde"), 0);
  EXPECT_EQ(buf[0], '#');  // size 0 writes nothing
  EXPECT_EQ(snp(buf, 1, "abcde"), 0);
  EXPECT_EQ(buf[0], '\0');
  EXPECT_EQ(buf[1], '#');
}

TEST(Mprintf, BufferTruncationAtEverySize) {
  const std::string full = "value=-42 name=\"x\" 0x1f";
  char buf[64];
  for (std::size_t size = 1; size < 40; ++size) {
    std::memset(buf, '#', sizeof buf);
    int r = snp(buf, size, "value=%d name=%S %#x", -42, "x", 31);
    std::size_t stored = std::min(size - 1, full.size());
    EXPECT_EQ(r, int(stored)) << size;
    EXPECT_EQ(std::string(buf), full.substr(0, stored)) << size;
    EXPECT_EQ(buf[size], '#') << size;  // nothing beyond the buffer
  }
}

TEST(Mprintf, HugeWidthsStopAtTheBufferEnd) {
  char buf[50];
  EXPECT_EQ(snp(buf, sizeof buf, "%99999999999999999999d", 1), 49);
  EXPECT_EQ(snp(buf, sizeof buf, "%*d", INT_MIN, 5), 49);
  EXPECT_EQ(buf[0], '5');
  EXPECT_EQ(snp(buf, sizeof buf, "%*c", INT_MAX, 'c'), 49);
}

TEST(Mprintf, UnboundedWritesTheNul) {
  char buf[32];
  std::memset(buf, '#', sizeof buf);
  EXPECT_EQ(sp(buf, "%s-%d", "sprintf", 1), 9);
  EXPECT_STREQ(buf, "sprintf-1");
  EXPECT_EQ(buf[10], '#');
}

TEST(Mprintf, AllocatedResults) {
  EXPECT_EQ(ap("%s=%d", "x", 5), "x=5");
  EXPECT_EQ(ap(""), "");
  EXPECT_EQ(ap("%s", ""), "");
  std::string big = ap("%7999999d", 1);
  EXPECT_EQ(big.size(), 7999999u);
  EXPECT_EQ(ap("%8000000d", 1), "<NULL>");
  EXPECT_EQ(ap("%7999998s%s", "a", "bc"), "<NULL>");
}

int g_alloc_calls = 0;
void* counting_realloc(void* p, std::size_t n) {
  ++g_alloc_calls;
  return std::realloc(p, n);
}
void* failing_realloc(void*, std::size_t) { return nullptr; }
char* failing_strdup(const char*) { return nullptr; }

TEST(Mprintf, AllocatedResultsUseTheHooks) {
  alloc::set_hooks({&std::malloc, &std::free, &counting_realloc, &::strdup, &std::calloc});
  g_alloc_calls = 0;
  EXPECT_EQ(ap("%s", "hooked"), "hooked");
  EXPECT_GT(g_alloc_calls, 0);
  alloc::set_hooks({&std::malloc, &std::free, &failing_realloc, &failing_strdup, &std::calloc});
  EXPECT_EQ(ap("%s", "no memory"), "<NULL>");
  EXPECT_EQ(ap(""), "<NULL>");
  alloc::reset_hooks();
}

int to_file(std::FILE* file, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vformat_file(file, fmt, ap);
  va_end(ap);
  return r;
}

TEST(Mprintf, FileOutput) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(to_file(file, "%s %05d|%-3c|", "file", 42, 'z'), 15);
  std::rewind(file);
  char buf[32] = {};
  EXPECT_EQ(std::fread(buf, 1, sizeof buf - 1, file), 15u);
  EXPECT_STREQ(buf, "file 00042|z  |");
  std::fclose(file);
}

// A sink that keeps at most `budget_` bytes, then refuses.
class BudgetSink final : public FormatSink {
 public:
  explicit BudgetSink(std::size_t budget) : budget_(budget) {}
  std::size_t write(const char* data, std::size_t n) override {
    std::size_t take = std::min(n, budget_);
    out_.append(data, take);
    budget_ -= take;
    ++calls_;
    return take;
  }
  std::string out_;
  std::size_t budget_;
  int calls_ = 0;
};

int to_sink(FormatSink& sink, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vformat_to(sink, fmt, ap);
  va_end(ap);
  return r;
}

TEST(Mprintf, SinkRefusalStopsEverything) {
  int n = -1;
  BudgetSink sink(7);
  EXPECT_EQ(to_sink(sink, "%s%n%s", "12345678", &n, "more"), 7);
  EXPECT_EQ(sink.out_, "1234567");
  EXPECT_EQ(n, -1);  // %n after the refusal is never reached
  int calls = sink.calls_;
  EXPECT_EQ(calls, 1);
}

TEST(Mprintf, SinkSeesEveryByteAtEveryBudget) {
  const std::string full = f("%-6s|%+05d|%#o|%.2f|%p", "ab", 7, 8, 2.5, nullptr);
  for (std::size_t budget = 0; budget <= full.size() + 1; ++budget) {
    BudgetSink sink(budget);
    int r = to_sink(sink, "%-6s|%+05d|%#o|%.2f|%p", "ab", 7, 8, 2.5, nullptr);
    std::size_t kept = std::min(budget, full.size());
    EXPECT_EQ(r, int(kept)) << budget;
    EXPECT_EQ(sink.out_, full.substr(0, kept)) << budget;
  }
}

TEST(Mprintf, NullFormatIsEmpty) {
  char buf[4] = "xyz";
  const char* none = nullptr;
  EXPECT_EQ(snp(buf, sizeof buf, none), 0);
  EXPECT_STREQ(buf, "");
}

TEST(Mprintf, FormatConvenience) {
  EXPECT_EQ(format("%s:%d", "host", 443), "host:443");
  std::string long_text(10000, 'z');
  EXPECT_EQ(format("[%s]", long_text.c_str()).size(), 10002u);
}

}  // namespace
}  // namespace mcurl
