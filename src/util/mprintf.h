// mcurl's own printf engine, with the observable behaviour of libcurl 7.88.1's
// curl_mprintf family (man 3 curl_mprintf), quirks included.
//
// Conversions: d i u o x X c s S p n f e E g G (and "%%"); flags "-+ #0"; width and
// precision as digits or "*"; positional arguments "%N$" (also "*N$"), at most 128
// arguments; length modifiers h hh (accepted, but the value is NOT narrowed), l ll q
// L z O (O = curl_off_t). What 7.88.1 does and plain printf does not:
//   - an unknown conversion ("%y", "%5%", a lone "%" at the end) prints nothing and
//     still consumes an argument as a pointer;
//   - a malformed format (more than 128 arguments, "*129$", both ".5" and ".*" on one
//     conversion) prints nothing at all and the call returns 0;
//   - NULL for %s and %p prints "(nil)" (for %s only when the precision allows 5
//     characters); %S is %s inside double quotes;
//   - %#x of 0 prints "0x0"; "%o" of a negative int is the 64-bit pattern;
//   - the 0 flag and the l modifier are the only ones that do not reach %f/%e/%g
//     (the 0 flag is ignored there), and floating output is capped at 325 characters
//     (integers at 325 digits, widths at 325 for floats);
//   - with a precision, %s pads as if the string were `precision` long.
// An argument referenced by several conversions takes the type of the LAST one; gaps
// in positional arguments are read as pointers. The engine reads its arguments once,
// in order, before it prints anything (like 7.88.1).
//
// Not for hot paths: request serialisation builds bytes directly. Use this for error
// messages, traces and the curl_m*printf facade.
//
// All functions are safe from any thread (no shared state). None calls into the
// application, apart from writing to the FILE* it is given.
// Tests: tests/unit/util/mprintf_test.cc, tests/conformance/mprintf.c
#ifndef MCURL_UTIL_MPRINTF_H
#define MCURL_UTIL_MPRINTF_H

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <string>

namespace mcurl {

// Where formatted output goes. The engine hands over output in chunks.
class FormatSink {
 public:
  virtual ~FormatSink() = default;
  // Takes up to `n` bytes starting at `data` (n > 0) and returns how many it kept.
  // Returning fewer than `n` stops the formatting: nothing more is written and the
  // call returns the number of bytes kept so far (7.88.1 stops at the first character
  // its output function refuses).
  virtual std::size_t write(const char* data, std::size_t n) = 0;
};

// Formats `fmt` with the arguments in `ap` into `sink`. Returns the number of bytes
// the sink kept (0 for a malformed format). A null `fmt` formats as "". `ap` is
// consumed (va_copy it first to reuse it). The sink may throw; the exception
// propagates.
int vformat_to(FormatSink& sink, const char* fmt, va_list ap);

// curl_mvsnprintf: writes at most `size` bytes including a terminating NUL into `buf`.
// Returns the number of characters stored before the NUL, which is smaller than the
// full length when the output was truncated (7.88.1 does not return the would-be
// length). size == 0 writes nothing and returns 0.
int vformat_buffer(char* buf, std::size_t size, const char* fmt, va_list ap) noexcept;

// curl_mvsprintf: no bound; writes the output and a NUL, returns the length.
int vformat_unbounded(char* buf, const char* fmt, va_list ap) noexcept;

// curl_mvfprintf: writes to `file`; returns the number of bytes written, which stops
// at the first write error.
int vformat_file(std::FILE* file, const char* fmt, va_list ap) noexcept;

// The largest result vformat_alloc builds: longer output fails (7.88.1's limit for
// curl_maprintf; output of exactly kFormatAllocLimit - 1 bytes still succeeds).
inline constexpr std::size_t kFormatAllocLimit = 8000000;

// curl_mvaprintf: returns the output in memory from mcurl::alloc (the caller releases
// it with alloc::free / curl_free), "" for empty output or a malformed format, or
// nullptr when out of memory or when the output would reach kFormatAllocLimit bytes.
char* vformat_alloc(const char* fmt, va_list ap) noexcept;

// C++ convenience for internal messages: the same engine into a std::string. Throws
// std::bad_alloc when out of memory. No size limit.
std::string vformat(const char* fmt, va_list ap);
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace mcurl

#endif  // MCURL_UTIL_MPRINTF_H
