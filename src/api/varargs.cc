// See varargs.h.
#include "api/varargs.h"

namespace mcurl::api {

// Tests: tests/conformance/setopt_matrix.c (every option, every type range)
OptArg read_setopt_arg(CURLoption option, std::va_list ap) noexcept {
  switch (arg_kind_of(option)) {
    case OptArg::Kind::Long:
      return OptArg::of_long(va_arg(ap, long));
    case OptArg::Kind::Ptr:
      return OptArg::of_ptr(va_arg(ap, void*));
    case OptArg::Kind::Func:
      return OptArg::of_func(va_arg(ap, OptArg::AnyFn));
    case OptArg::Kind::OffT:
      return OptArg::of_off(va_arg(ap, curl_off_t));
    case OptArg::Kind::None:
      break;
  }
  return OptArg{};
}

}  // namespace mcurl::api
