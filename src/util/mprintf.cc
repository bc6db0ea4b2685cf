// The printf engine behind curl_m*printf. See mprintf.h for the behaviour contract.
//
// Two passes, because positional arguments ("%2$s") can only be fetched from a va_list
// in order: pass 1 (parse_format) walks the format and records, per argument index, the
// type and the conversion details of the conversion that uses it; then every argument
// is read once in index order (read_arguments); pass 2 (print) walks the format again
// and prints. The table is keyed by argument index, so an argument used twice is
// printed both times according to its last conversion, which is what 7.88.1 does
// ("%1$s %1$d" prints the number twice).
// Tests: tests/unit/util/mprintf_test.cc, tests/conformance/mprintf.c
#include "util/mprintf.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "util/alloc.h"

namespace mcurl {
namespace {

// 7.88.1 limits: 128 arguments; a 326-byte work area for numbers.
constexpr long kMaxArgs = 128;
constexpr std::size_t kWorkSize = 326;

enum Flag : unsigned {
  kSpace = 1u << 0,
  kShowSign = 1u << 1,
  kLeft = 1u << 2,
  kAlt = 1u << 3,
  kShort = 1u << 4,
  kLong = 1u << 5,
  kLongLong = 1u << 6,
  kLongDouble = 1u << 7,
  kPadZero = 1u << 8,
  kUnsigned = 1u << 9,
  kOctal = 1u << 10,
  kHex = 1u << 11,
  kUpper = 1u << 12,
  kWidth = 1u << 13,
  kWidthParam = 1u << 14,
  kPrec = 1u << 15,
  kPrecParam = 1u << 16,
  kChar = 1u << 17,
  kFloatE = 1u << 18,
  kFloatG = 1u << 19,
};

enum class ArgType : unsigned char { Unknown, String, Ptr, Int, IntPtr, Double, Width };

struct Slot {
  ArgType type = ArgType::Unknown;
  unsigned flags = 0;
  long width = 0;      // digits, or with kWidthParam the 0-based slot holding the width
  long precision = 0;  // digits, or with kPrecParam the 0-based slot holding it
  union {
    std::intmax_t s;
    std::uintmax_t u;
    double d;
    void* p;
  } value{};
};

struct Plan {
  Slot slots[kMaxArgs];
  // Where each conversion ends, in format order (pass 2 resumes there).
  const char* ends[kMaxArgs];
  long n_conversions = 0;
  long n_args = 0;  // highest 1-based argument index used
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "%N$" right after the '%' (or '*'): returns N (1-based) and moves *p past the '$'.
// Returns 0 and leaves *p alone when there is none. N is clamped while parsing, so a
// huge number is "no position". "0$" returns 0 but is consumed (as in 7.88.1).
long dollar_index(const char** p) {
  const char* s = *p;
  long n = 0;
  while (is_digit(*s)) {
    if (n < kMaxArgs) n = n * 10 + (*s - '0');
    ++s;
  }
  if (n <= kMaxArgs && *s == '$') {
    *p = s + 1;
    return n;
  }
  return 0;
}

bool is_modifier(char c) {
  switch (c) {
    case '-':
    case '+':
    case ' ':
    case '#':
    case '.':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
    case 'h':
    case 'l':
    case 'L':
    case 'z':
    case 'q':
    case '*':
    case 'O':
      return true;
    default:
      return false;
  }
}

long parse_long(const char** p) {
  char* end = nullptr;
  long v = std::strtol(*p, &end, 10);  // same whitespace/sign/clamp rules as 7.88.1
  *p = end;
  return v;
}

// Pass 1. Returns false for a malformed format (the call then prints nothing).
bool parse_format(const char* fmt, Plan& plan) {
  long arg_counter = 0;  // counts conversions and '*' arguments, 1-based
  while (*fmt != '\0') {
    if (*fmt++ != '%') continue;
    if (*fmt == '%') {
      ++fmt;
      continue;
    }
    ++arg_counter;
    long this_arg = dollar_index(&fmt);
    if (this_arg == 0) this_arg = arg_counter;
    if (this_arg > plan.n_args) plan.n_args = this_arg;

    unsigned flags = 0;
    long width = 0;
    long precision = 0;
    while (is_modifier(*fmt)) {
      char c = *fmt++;
      switch (c) {
        case ' ':
          flags |= kSpace;
          break;
        case '+':
          flags |= kShowSign;
          break;
        case '-':
          flags |= kLeft;
          flags &= ~kPadZero;
          break;
        case '#':
          flags |= kAlt;
          break;
        case '.':
          if (*fmt == '*') {
            flags |= kPrecParam;
            ++fmt;
            ++arg_counter;
            long i = dollar_index(&fmt);
            precision = i != 0 ? i : arg_counter;
            if (precision > plan.n_args) plan.n_args = precision;
          } else {
            flags |= kPrec;
            precision = parse_long(&fmt);
          }
          if ((flags & (kPrec | kPrecParam)) == (kPrec | kPrecParam)) return false;
          break;
        case 'h':
          flags |= kShort;
          break;
        case 'l':
          flags |= (flags & kLong) ? kLongLong : kLong;
          break;
        case 'L':
          flags |= kLongDouble;
          break;
        case 'q':
        case 'z':  // size_t and curl_off_t are 64-bit: read as long long (as 7.88.1)
        case 'O':
          flags |= kLongLong;
          break;
        case '*': {
          flags |= kWidthParam;
          ++arg_counter;
          long i = dollar_index(&fmt);
          width = i != 0 ? i : arg_counter;
          if (width > plan.n_args) plan.n_args = width;
          break;
        }
        default:  // '0'..'9'
          if (c == '0' && !(flags & kLeft)) flags |= kPadZero;
          flags |= kWidth;
          --fmt;
          width = parse_long(&fmt);
          break;
      }
    }

    long index = this_arg - 1;
    if (index < 0 || index >= kMaxArgs) return false;
    ArgType type = ArgType::Int;
    switch (*fmt) {
      case 'S':
        flags |= kAlt;
        type = ArgType::String;
        break;
      case 's':
        type = ArgType::String;
        break;
      case 'n':
        type = ArgType::IntPtr;
        break;
      case 'p':
        type = ArgType::Ptr;
        break;
      case 'd':
      case 'i':
        break;
      case 'u':
        flags |= kUnsigned;
        break;
      case 'o':
        flags |= kOctal;  // not unsigned: a negative int is sign-extended first
        break;
      case 'x':
        flags |= kHex | kUnsigned;
        break;
      case 'X':
        flags |= kHex | kUpper | kUnsigned;
        break;
      case 'c':
        flags |= kChar;
        break;
      case 'f':
        type = ArgType::Double;
        break;
      case 'e':
        type = ArgType::Double;
        flags |= kFloatE;
        break;
      case 'E':
        type = ArgType::Double;
        flags |= kFloatE | kUpper;
        break;
      case 'g':
        type = ArgType::Double;
        flags |= kFloatG;
        break;
      case 'G':
        type = ArgType::Double;
        flags |= kFloatG | kUpper;
        break;
      default:
        type = ArgType::Unknown;
        break;
    }
    Slot& slot = plan.slots[index];
    slot.type = type;
    slot.flags = flags;
    slot.width = width;
    slot.precision = precision;
    // The argument that carries a '*' width or precision becomes an int slot of its
    // own; when it is the same index as the value (a user error), the value loses.
    if (flags & kWidthParam) {
      long k = width - 1;
      if (k < 0 || k >= kMaxArgs) return false;
      slot.width = k;
      plan.slots[k] = Slot{ArgType::Width, 0, 0, 0, {}};
    }
    if (flags & kPrecParam) {
      long k = precision - 1;
      if (k < 0 || k >= kMaxArgs) return false;
      plan.slots[index].precision = k;
      plan.slots[k] = Slot{ArgType::Width, 0, 0, 0, {}};
    }
    // 7.88.1 keeps a fixed table of 128 conversion ends; more (only possible with
    // repeated positions) overflows there, here it is a malformed format.
    if (plan.n_conversions >= kMaxArgs) return false;
    plan.ends[plan.n_conversions++] = fmt + (*fmt != '\0' ? 1 : 0);
    // The scan resumes AT the conversion character, as in 7.88.1: in "%5%|" the second
    // '%' is both the (unknown) conversion and the start of another one.
  }
  return true;
}

// Reads every argument once, in index order; a '*' argument before its value.
void read_arguments(Plan& plan, va_list ap) {
  for (long i = 0; i < plan.n_args; ++i) {
    Slot& slot = plan.slots[i];
    if (slot.flags & kWidthParam) plan.slots[slot.width].value.s = va_arg(ap, int);
    if (slot.flags & kPrecParam) plan.slots[slot.precision].value.s = va_arg(ap, int);
    switch (slot.type) {
      case ArgType::String:
      case ArgType::IntPtr:
      case ArgType::Unknown:
      case ArgType::Ptr:
        slot.value.p = va_arg(ap, void*);
        break;
      case ArgType::Int:
        if ((slot.flags & kLongLong) && (slot.flags & kUnsigned)) {
          slot.value.u = va_arg(ap, unsigned long long);
        } else if (slot.flags & kLongLong) {
          slot.value.s = va_arg(ap, long long);
        } else if ((slot.flags & kLong) && (slot.flags & kUnsigned)) {
          slot.value.u = va_arg(ap, unsigned long);
        } else if (slot.flags & kLong) {
          slot.value.s = va_arg(ap, long);
        } else if (slot.flags & kUnsigned) {
          slot.value.u = va_arg(ap, unsigned int);
        } else {
          slot.value.s = va_arg(ap, int);
        }
        break;
      case ArgType::Double:
        slot.value.d = va_arg(ap, double);  // also for L: 7.88.1 reads a double
        break;
      case ArgType::Width:
        slot.type = ArgType::Int;  // already read along with its conversion
        break;
    }
  }
}

// Output with 7.88.1's stop-at-first-refusal rule and a count of what was kept.
class Out {
 public:
  explicit Out(FormatSink& sink) : sink_(sink) {}

  bool put(const char* p, std::size_t n) {
    if (stopped_) return false;
    if (n == 0) return true;
    std::size_t kept = sink_.write(p, n);
    done_ += kept;
    if (kept < n) stopped_ = true;
    return !stopped_;
  }
  bool put(char c) { return put(&c, 1); }
  // Writes `c` `count` times (nothing when count <= 0).
  bool fill(char c, long count) {
    char chunk[64];
    std::memset(chunk, c, sizeof chunk);
    while (count > 0) {
      std::size_t n = count < long(sizeof chunk) ? std::size_t(count) : sizeof chunk;
      if (!put(chunk, n)) return false;
      count -= long(n);
    }
    return true;
  }
  bool stopped() const { return stopped_; }
  long long done() const { return done_; }

 private:
  FormatSink& sink_;
  long long done_ = 0;
  bool stopped_ = false;
};

constexpr char kLowerDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
constexpr char kUpperDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

void print_number(Out& out, std::uintmax_t num, bool is_neg, unsigned base, unsigned flags,
                  bool is_alt, long width, long prec) {
  const char* digits = (flags & kUpper) ? kUpperDigits : kLowerDigits;
  if (prec == -1) prec = 1;
  char work[kWorkSize];
  char* const work_end = work + kWorkSize - 2;  // last digit goes here
  char* w = work_end;
  while (num > 0) {
    *w-- = digits[num % base];
    num /= base;
  }
  long n_digits = long(work_end - w);
  width -= n_digits;
  prec -= n_digits;
  if (is_alt && base == 8 && prec <= 0) {
    *w-- = '0';
    --width;
  }
  if (prec > 0) {
    width -= prec;
    // Zeros stop at the start of the work area: at most 325 characters in all.
    while (prec-- > 0 && w >= work) *w-- = '0';
  }
  if (is_alt && base == 16) width -= 2;
  if (is_neg || (flags & (kShowSign | kSpace))) --width;

  if (!(flags & kLeft) && !(flags & kPadZero) && !out.fill(' ', width)) return;
  if (is_neg) {
    if (!out.put('-')) return;
  } else if (flags & kShowSign) {
    if (!out.put('+')) return;
  } else if (flags & kSpace) {
    if (!out.put(' ')) return;
  }
  if (is_alt && base == 16) {
    if (!out.put('0') || !out.put((flags & kUpper) ? 'X' : 'x')) return;
  }
  if (!(flags & kLeft) && (flags & kPadZero) && !out.fill('0', width)) return;
  if (!out.put(w + 1, std::size_t(work_end - w))) return;
  if (flags & kLeft) out.fill(' ', width);
}

void print_string(Out& out, const char* str, unsigned flags, long width, long prec) {
  static constexpr char kNil[] = "(nil)";
  std::size_t len;
  if (str == nullptr) {
    if (prec == -1 || prec >= long(sizeof kNil - 1)) {
      str = kNil;
      len = sizeof kNil - 1;
      flags &= ~kAlt;  // no quotes around (nil)
    } else {
      str = "";
      len = 0;
    }
  } else if (prec != -1) {
    len = std::size_t(prec);  // 7.88.1 pads as if the string were this long
  } else {
    len = std::strlen(str);
  }
  constexpr auto kLongMax = static_cast<std::size_t>(__LONG_MAX__);
  width -= len > kLongMax ? __LONG_MAX__ : long(len);

  if ((flags & kAlt) && !out.put('"')) return;
  if (!(flags & kLeft) && !out.fill(' ', width)) return;
  std::size_t n = 0;
  while (n < len && str[n] != '\0') ++n;
  if (!out.put(str, n)) return;
  if ((flags & kLeft) && !out.fill(' ', width)) return;
  if (flags & kAlt) out.put('"');
}

void print_double(Out& out, const Plan& plan, const Slot& slot) {
  const unsigned flags = slot.flags;
  long width = -1;
  if (flags & kWidth) {
    width = slot.width;
  } else if (flags & kWidthParam) {
    width = long(plan.slots[slot.width].value.s);
  }
  long prec = -1;
  if (flags & kPrec) {
    prec = slot.precision;
  } else if (flags & kPrecParam) {
    prec = long(plan.slots[slot.precision].value.s);
  }

  // Build a C format for the C library's snprintf; the 0 flag is not passed on.
  char spec[48];
  std::size_t n = 0;
  spec[n++] = '%';
  if (flags & kLeft) spec[n++] = '-';
  if (flags & kShowSign) spec[n++] = '+';
  if (flags & kSpace) spec[n++] = ' ';
  if (flags & kAlt) spec[n++] = '#';
  if (width >= 0) {
    if (width >= long(kWorkSize)) width = long(kWorkSize) - 1;
    n += std::size_t(std::snprintf(spec + n, sizeof spec - n, "%ld", width));
  }
  if (prec >= 0) {
    // Fewer fraction digits for every integer digit, so that the result fits in the
    // work area. The arithmetic (unsigned wrap included) is 7.88.1's.
    std::size_t max_prec = kWorkSize - 2;
    double val = slot.value.d;
    if (width > 0 && prec <= width) max_prec -= std::size_t(width);
    if (!std::isinf(val)) {  // 7.88.1 loops forever on infinity here
      while (val >= 10.0) {
        val /= 10;
        --max_prec;
      }
    }
    if (prec > long(max_prec)) prec = long(max_prec) - 1;
    if (prec < 0) prec = 0;
    n += std::size_t(std::snprintf(spec + n, sizeof spec - n, ".%ld", prec));
  }
  if (flags & kLong) spec[n++] = 'l';
  if (flags & kFloatE) {
    spec[n++] = (flags & kUpper) ? 'E' : 'e';
  } else if (flags & kFloatG) {
    spec[n++] = (flags & kUpper) ? 'G' : 'g';
  } else {
    spec[n++] = 'f';
  }
  spec[n] = '\0';

  char work[kWorkSize];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  std::snprintf(work, sizeof work, spec, slot.value.d);
#pragma GCC diagnostic pop
  out.put(work, std::strlen(work));
}

void print_nil_pointer(Out& out, unsigned flags, long width) {
  static constexpr char kNil[] = "(nil)";
  width -= long(sizeof kNil - 1);
  // 7.88.1 pads on the "wrong" side: "%-10p" right-aligns, "%10p" left-aligns.
  if ((flags & kLeft) && !out.fill(' ', width)) return;
  if (!out.put(kNil, sizeof kNil - 1)) return;
  if (!(flags & kLeft)) out.fill(' ', width);
}

// Pass 2. Returns the number of bytes the sink kept.
long long print(Out& out, const char* f, Plan& plan) {
  long arg_counter = 0;  // 0-based here
  long conversion = 0;
  while (*f != '\0' && !out.stopped()) {
    if (*f != '%') {
      const char* start = f;
      while (*f != '\0' && *f != '%') ++f;
      out.put(start, std::size_t(f - start));
      continue;
    }
    ++f;
    if (*f == '%') {
      ++f;
      out.put('%');
      continue;
    }
    long index = dollar_index(&f);
    index = index == 0 ? arg_counter : index - 1;
    ++arg_counter;
    if (conversion >= plan.n_conversions) break;  // cannot happen: pass 1 saw it too
    const char* end = plan.ends[conversion++];
    if (index < 0 || index >= kMaxArgs) {  // only reachable with self-referencing '*'
      f = end;
      continue;
    }
    Slot& slot = plan.slots[index];

    long width;
    if (slot.flags & kWidthParam) {
      width = long(plan.slots[slot.width].value.s);
      ++arg_counter;
      if (width < 0) {  // C: a negative '*' width is '-' with a positive width
        width = -width;
        slot.flags |= kLeft;
        slot.flags &= ~kPadZero;
      }
    } else {
      width = slot.width;
    }
    long prec;
    if (slot.flags & kPrecParam) {
      prec = long(plan.slots[slot.precision].value.s);
      ++arg_counter;
      if (prec < 0) prec = -1;  // C: a negative '*' precision is no precision
    } else if (slot.flags & kPrec) {
      prec = slot.precision;
    } else {
      prec = -1;
    }
    const bool is_alt = (slot.flags & kAlt) != 0;

    switch (slot.type) {
      case ArgType::Int: {
        std::uintmax_t num = slot.value.u;
        if (slot.flags & kChar) {
          if (!(slot.flags & kLeft) && !out.fill(' ', width - 1)) break;
          if (!out.put(static_cast<char>(num))) break;
          if (slot.flags & kLeft) out.fill(' ', width - 1);
          break;
        }
        if (slot.flags & kOctal) {
          print_number(out, num, false, 8, slot.flags, is_alt, width, prec);
        } else if (slot.flags & kHex) {
          print_number(out, num, false, 16, slot.flags, is_alt, width, prec);
        } else if (slot.flags & kUnsigned) {
          print_number(out, num, false, 10, slot.flags, is_alt, width, prec);
        } else {
          bool is_neg = slot.value.s < 0;
          if (is_neg) num = std::uintmax_t(0) - num;  // also right for INTMAX_MIN
          print_number(out, num, is_neg, 10, slot.flags, is_alt, width, prec);
        }
        break;
      }
      case ArgType::String:
        print_string(out, static_cast<const char*>(slot.value.p), slot.flags, width, prec);
        break;
      case ArgType::Ptr:
        if (slot.value.p != nullptr) {
          // A pointer prints as "%#x" (lower case even for 0 padding).
          print_number(out, reinterpret_cast<std::uintptr_t>(slot.value.p), false, 16,
                       slot.flags & ~kUpper, true, width, prec);
        } else {
          print_nil_pointer(out, slot.flags, width);
        }
        break;
      case ArgType::Double:
        print_double(out, plan, slot);
        break;
      case ArgType::IntPtr: {
        // %n: the count so far, stored through a pointer of the modifier's width.
        void* p = slot.value.p;
        long long done = out.done();
        if (p == nullptr) break;  // 7.88.1 would crash; we do not
        if (slot.flags & kLongLong) {
          *static_cast<long long*>(p) = done;
        } else if (slot.flags & kLong) {
          *static_cast<long*>(p) = long(done);
        } else if (!(slot.flags & kShort)) {
          *static_cast<int*>(p) = int(done);
        } else {
          *static_cast<short*>(p) = short(done);
        }
        break;
      }
      case ArgType::Unknown:
      case ArgType::Width:
        break;  // an unknown conversion prints nothing
    }
    f = end;
  }
  return out.done();
}

// A sink into a caller's buffer of `size` bytes (the terminating NUL is added by the
// caller of the engine).
class BufferSink final : public FormatSink {
 public:
  BufferSink(char* buf, std::size_t size) : buf_(buf), size_(size) {}
  std::size_t write(const char* data, std::size_t n) override {
    std::size_t room = size_ - length_;
    if (n > room) n = room;
    std::memcpy(buf_ + length_, data, n);
    length_ += n;
    return n;
  }
  std::size_t length() const { return length_; }

 private:
  char* buf_;
  std::size_t size_;
  std::size_t length_ = 0;
};

class FileSink final : public FormatSink {
 public:
  explicit FileSink(std::FILE* file) : file_(file) {}
  std::size_t write(const char* data, std::size_t n) override {
    return std::fwrite(data, 1, n, file_);
  }

 private:
  std::FILE* file_;
};

// Grows a buffer from mcurl::alloc; refuses output that would reach the limit.
class AllocSink final : public FormatSink {
 public:
  AllocSink() = default;
  AllocSink(const AllocSink&) = delete;
  AllocSink& operator=(const AllocSink&) = delete;
  ~AllocSink() override { alloc::free(buf_); }

  std::size_t write(const char* data, std::size_t n) override {
    if (failed_) return 0;
    if (length_ + n + 1 > kFormatAllocLimit) {
      failed_ = true;
      return 0;
    }
    if (length_ + n + 1 > capacity_) {
      std::size_t want = capacity_ == 0 ? 64 : capacity_ * 2;
      while (want < length_ + n + 1) want *= 2;
      if (want > kFormatAllocLimit) want = kFormatAllocLimit;
      char* grown = static_cast<char*>(alloc::realloc(buf_, want));
      if (grown == nullptr) {
        failed_ = true;
        return 0;
      }
      buf_ = grown;
      capacity_ = want;
    }
    std::memcpy(buf_ + length_, data, n);
    length_ += n;
    return n;
  }

  // Hands over the result (or nullptr after a failure).
  char* release() {
    if (failed_) return nullptr;
    if (buf_ == nullptr) return alloc::strdup("");
    buf_[length_] = '\0';
    char* result = buf_;
    buf_ = nullptr;
    return result;
  }

 private:
  char* buf_ = nullptr;
  std::size_t length_ = 0;
  std::size_t capacity_ = 0;
  bool failed_ = false;
};

class StringSink final : public FormatSink {
 public:
  explicit StringSink(std::string& s) : s_(s) {}
  std::size_t write(const char* data, std::size_t n) override {
    s_.append(data, n);
    return n;
  }

 private:
  std::string& s_;
};

// An unbounded sink for curl_msprintf.
class RawSink final : public FormatSink {
 public:
  explicit RawSink(char* buf) : buf_(buf) {}
  std::size_t write(const char* data, std::size_t n) override {
    std::memcpy(buf_ + length_, data, n);
    length_ += n;
    return n;
  }
  std::size_t length() const { return length_; }

 private:
  char* buf_;
  std::size_t length_ = 0;
};

}  // namespace

int vformat_to(FormatSink& sink, const char* fmt, va_list ap) {
  if (fmt == nullptr) return 0;
  Plan plan;  // ~6 KiB of stack, as 7.88.1 uses; the engine does not recurse
  if (!parse_format(fmt, plan)) return 0;
  read_arguments(plan, ap);
  Out out(sink);
  return int(print(out, fmt, plan));
}

int vformat_buffer(char* buf, std::size_t size, const char* fmt, va_list ap) noexcept {
  BufferSink sink(buf, size);
  int result = vformat_to(sink, fmt, ap);
  if (size != 0) {
    if (sink.length() == size) {
      buf[size - 1] = '\0';  // full: the last character makes room for the NUL
      --result;
    } else {
      buf[sink.length()] = '\0';
    }
  }
  return result;
}

int vformat_unbounded(char* buf, const char* fmt, va_list ap) noexcept {
  RawSink sink(buf);
  int result = vformat_to(sink, fmt, ap);
  buf[sink.length()] = '\0';
  return result;
}

int vformat_file(std::FILE* file, const char* fmt, va_list ap) noexcept {
  FileSink sink(file);
  return vformat_to(sink, fmt, ap);
}

char* vformat_alloc(const char* fmt, va_list ap) noexcept {
  AllocSink sink;
  vformat_to(sink, fmt, ap);
  return sink.release();
}

std::string vformat(const char* fmt, va_list ap) {
  std::string s;
  StringSink sink(s);
  vformat_to(sink, fmt, ap);
  return s;
}

std::string format(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  struct End {
    va_list& ap;
    ~End() { va_end(ap); }
  } end{ap};
  return vformat(fmt, ap);
}

}  // namespace mcurl
