// Placeholder: the typed option storage is being written (see src/transfer/setopt.cc).
#ifndef MCURL_TRANSFER_OPTIONS_H
#define MCURL_TRANSFER_OPTIONS_H
namespace mcurl {
struct Options {};
}  // namespace mcurl
#endif  // MCURL_TRANSFER_OPTIONS_H
