// Tests for src/util/getdate.h: curl_getdate's parser. Expected values were checked
// against the system libcurl 7.88.1; tests/conformance/getdate.c compares ~1,000 more.
#include "util/getdate.h"

#include <gtest/gtest.h>

#include <ctime>
#include <limits>
#include <string>

namespace mcurl {
namespace {

constexpr std::time_t kNov6 = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT

// The same instant computed independently with the C library.
std::time_t utc(int year, int mon, int mday, int hour = 0, int min = 0, int sec = 0) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = mon - 1;
  tm.tm_mday = mday;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  return timegm(&tm);
}

TEST(Getdate, TheThreeHttpForms) {
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 GMT"), kNov6);   // RFC 1123
  EXPECT_EQ(getdate("Sunday, 06-Nov-94 08:49:37 GMT"), kNov6);  // RFC 850
  EXPECT_EQ(getdate("Sun Nov  6 08:49:37 1994"), kNov6);        // asctime
  EXPECT_EQ(kNov6, utc(1994, 11, 6, 8, 49, 37));
}

TEST(Getdate, CaseDoesNotMatter) {
  EXPECT_EQ(getdate("sun, 06 nov 1994 08:49:37 gmt"), kNov6);
  EXPECT_EQ(getdate("SUNDAY, 06-NOV-94 08:49:37 GMT"), kNov6);
  EXPECT_EQ(getdate("wEdNeSdAy 06 Nov 1994 08:49:37"), kNov6);  // weekday not checked
}

TEST(Getdate, OtherAcceptedForms) {
  const std::time_t day = utc(1994, 11, 6);
  EXPECT_EQ(getdate("06 Nov 1994"), day);
  EXPECT_EQ(getdate("Nov 06 1994"), day);
  EXPECT_EQ(getdate("1994 Nov 06"), day);
  EXPECT_EQ(getdate("06-Nov-1994"), day);
  EXPECT_EQ(getdate("06Nov1994"), day);
  EXPECT_EQ(getdate(",,,06,,Nov,,1994,,"), day);
  EXPECT_EQ(getdate("19941106"), day);
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49 GMT"), kNov6 - 37);
  EXPECT_EQ(getdate("20040912 15:05:58 -0700"), utc(2004, 9, 12, 22, 5, 58));
  EXPECT_EQ(getdate("06/Nov/1994:08:49:37 +0000"), kNov6);
}

TEST(Getdate, NumericZones) {
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 +0100"), kNov6 - 3600);
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 -0130"), kNov6 + 5400);
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 +1400"), kNov6 - 14 * 3600);
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 -0000"), kNov6);
  // +1401 is no zone; as a fourth number it has nowhere to go.
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 +1401"), -1);
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 0100"), -1);  // no sign: not a zone
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 +0199"), kNov6 - (60 + 99) * 60);
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 GMT+0100"), -1);  // zone already set
  EXPECT_EQ(getdate("06 Nov 1994 08:49:37 +0100 -0200"), -1);
}

TEST(Getdate, ZoneNames) {
  struct Case {
    const char* name;
    int hours_west;
  };
  const Case cases[] = {{"GMT", 0},   {"UTC", 0},  {"UT", 0},     {"Z", 0},    {"EST", 5},
                        {"EDT", 4},   {"PST", 8},  {"PDT", 7},    {"CET", -1}, {"CEST", -2},
                        {"MESZ", -2}, {"JST", -9}, {"NZDT", -13}, {"A", 1},    {"M", 12},
                        {"N", -1},    {"Y", -12},  {"BST", -1},   {"IDLW", 12}};
  for (const Case& c : cases) {
    std::string s = std::string("Sun, 06 Nov 1994 08:49:37 ") + c.name;
    EXPECT_EQ(getdate(s), kNov6 + c.hours_west * 3600) << c.name;
  }
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 J"), -1);  // local time: not a zone
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 IST"), -1);
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 ABCDE"), -1);
}

TEST(Getdate, TimesReadLikeSscanf) {
  const std::time_t day = utc(1994, 11, 6);
  EXPECT_EQ(getdate("06 Nov 1994 1:2:3"), day + 3723);
  EXPECT_EQ(getdate("06 Nov 1994 12: 34: 56"), day + 12 * 3600 + 34 * 60 + 56);
  EXPECT_EQ(getdate("06 Nov 1994 12:+3:+4"), day + 12 * 3600 + 3 * 60 + 4);
  EXPECT_EQ(getdate("06 Nov 1994 12:-3:-4"), day + 12 * 3600 - 3 * 60 - 4);
  EXPECT_EQ(getdate("06 Nov 1994 12:-3"), day + 12 * 3600 - 3 * 60);
  EXPECT_EQ(getdate("06 Nov 1994 123:45:56"), -1);
  EXPECT_EQ(getdate("06 Nov 1994 23:59:60"), day + 86400);  // leap second allowed
  EXPECT_EQ(getdate("06 Nov 1994 23:59:61"), -1);
  EXPECT_EQ(getdate("06 Nov 1994 24:00:00"), -1);
  EXPECT_EQ(getdate("06 Nov 1994 23:60:00"), -1);
}

TEST(Getdate, TwoDigitYears) {
  EXPECT_EQ(getdate("01 Jan 71"), utc(1971, 1, 1));
  EXPECT_EQ(getdate("01 Jan 70"), utc(2070, 1, 1));
  EXPECT_EQ(getdate("01 Jan 00"), utc(2000, 1, 1));
  EXPECT_EQ(getdate("01 Jan 99"), utc(1999, 1, 1));
  EXPECT_EQ(getdate("01 Jan 100"), -1);  // before 1583
}

TEST(Getdate, EpochEdges) {
  EXPECT_EQ(getdate("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_EQ(getdate("Wed, 31 Dec 1969 23:59:59 GMT"), 0);  // -1 is answered as 0
  EXPECT_EQ(getdate("Wed, 31 Dec 1969 23:59:58 GMT"), -2);
  EXPECT_EQ(getdate("Mon, 01 Jan 1583 00:00:00 GMT"), utc(1583, 1, 1));
  EXPECT_EQ(getdate("Fri, 31 Dec 1582 23:59:59 GMT"), -1);
  EXPECT_EQ(getdate("Tue, 19 Jan 2038 03:14:08 GMT"), 2147483648LL);
  EXPECT_EQ(getdate("01 Jan 2147483647 00:00:00 GMT"), 67767976201996800LL);
  EXPECT_EQ(getdate("01 Jan 2147483648 00:00:00 GMT"), -1);  // more than an int
}

TEST(Getdate, RawParseKeepsMinusOne) {
  std::time_t t = 5;
  EXPECT_EQ(parse_date("Wed, 31 Dec 1969 23:59:59 GMT", &t), DateStatus::kOk);
  EXPECT_EQ(t, -1);
  std::optional<std::time_t> o = parse_date("Wed, 31 Dec 1969 23:59:59 GMT");
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(*o, -1);
  EXPECT_FALSE(parse_date("garbage").has_value());
  t = 5;
  EXPECT_EQ(parse_date("garbage", &t), DateStatus::kFail);
  EXPECT_EQ(t, 5);
}

TEST(Getdate, CappedAnswers) {
  EXPECT_EQ(getdate_capped("Sun, 06 Nov 1994 08:49:37 GMT"), kNov6);
  EXPECT_EQ(getdate_capped("Wed, 31 Dec 1969 23:59:59 GMT"), 0);
  EXPECT_EQ(getdate_capped("nonsense"), -1);
}

TEST(Getdate, EightDigitDates) {
  EXPECT_EQ(getdate("20040229"), utc(2004, 2, 29));
  EXPECT_EQ(getdate("20040100"), utc(2003, 12, 31));  // day 0 is not rejected
  EXPECT_EQ(getdate("20041312"), -1);
  EXPECT_EQ(getdate("20040012"), -1);
  EXPECT_EQ(getdate("20040132"), -1);
  EXPECT_EQ(getdate("15821231"), -1);
  EXPECT_EQ(getdate("Nov 20040912"), -1);  // month known: not YYYYMMDD
}

TEST(Getdate, OnlySixPartsAreRead) {
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 GMT garbage"), kNov6);
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 GMT +0500"), kNov6);
  EXPECT_EQ(getdate("x Sun, 06 Nov 1994 08:49:37 GMT"), kNov6 - 11 * 3600);  // X: zone
  EXPECT_EQ(getdate("xx Sun, 06 Nov 1994 08:49:37 GMT"), -1);
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 XYZ"), -1);
}

TEST(Getdate, Rejects) {
  for (const char* s :
       {"", " ", "garbage", "GMT", "Sun", "Nov", "1994", "06 1994", "06 Nov", "Nov 1994",
        "Sun Sun 06 Nov 1994", "06 Nov Dec 1994", "Sund 06 Nov 1994", "06 November 1994",
        "6 6 Nov 1994", "Nov 40 1994", "Nov 6 99999999999999999999999999999",
        "06 Nov 1994 abcdefghijklmnopqrstuvwxyzabcdefghijklmn"}) {
    EXPECT_EQ(getdate(s), -1) << s;
  }
}

TEST(Getdate, StopsAtNulAndAtTheEndOfTheView) {
  const std::string date = "Sun, 06 Nov 1994 08:49:37 GMT";
  for (std::size_t k = 0; k <= date.size(); ++k) {
    std::string prefix = date.substr(0, k);
    std::string with_tail = prefix + std::string("\0 12:00:00 +0100 x", 18);
    std::string_view view(date.data(), k);  // no NUL after the view's end
    std::time_t expected = getdate(prefix.c_str());
    EXPECT_EQ(getdate(view), expected) << k;
    EXPECT_EQ(getdate(with_tail), expected) << k;
  }
  EXPECT_EQ(getdate(std::string_view("06 Nov 1994 08:49:37", 17)), utc(1994, 11, 6, 8, 49));
  EXPECT_EQ(getdate(std::string_view("06 Nov 1994 08:49:37", 14)), -1);  // "08": no slot
}

TEST(Getdate, HostileBytesAreSkipped) {
  EXPECT_EQ(getdate("06\xc3\xa9Nov\xe2\x82\xac"
                    "1994"),
            utc(1994, 11, 6));
  EXPECT_EQ(getdate("\xff\xfe 06 Nov 1994"), utc(1994, 11, 6));
  // "G" is a zone; the sixth part "T" is never read.
  EXPECT_EQ(getdate("Sun, 06 Nov 1994 08:49:37 G\xc3\x8dT"), kNov6 + 7 * 3600);
  EXPECT_EQ(getdate("06 Nov 1994 G\xc3\x8dT"), -1);  // here "T" is read: second zone
  std::string many_digits(5000, '9');
  EXPECT_EQ(getdate("06 Nov " + many_digits), -1);
}

}  // namespace
}  // namespace mcurl
