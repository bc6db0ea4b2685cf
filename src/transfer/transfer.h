// class Transfer: the insides of one easy handle (CURL*).
//
// Owns the handle's options and, once the engine lands, its state machine, progress
// figures and the values behind curl_easy_getinfo. The application owns the handle (and
// so the Transfer) from curl_easy_init to curl_easy_cleanup; a Multi refers to an added
// Transfer by id and never owns it (STYLE.md §5).
#ifndef MCURL_TRANSFER_TRANSFER_H
#define MCURL_TRANSFER_TRANSFER_H

#include "multi/multi.h"
#include "transfer/options.h"

namespace mcurl {

class Transfer {
 public:
  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  Options& options() noexcept { return options_; }
  const Options& options() const noexcept { return options_; }

  // The multi this transfer is added to (the application's, or the private one of
  // curl_easy_perform), or nullptr.
  Multi* multi() const noexcept { return multi_; }
  void set_multi(Multi* m) noexcept { multi_ = m; }

  // True while the application is inside a callback made by this transfer's multi; the
  // API guards use it for 7.88.1's CURLE_RECURSIVE_API_CALL answers.
  bool in_callback() const noexcept { return multi_ != nullptr && multi_->in_callback(); }

 private:
  Options options_;
  Multi* multi_ = nullptr;
};

}  // namespace mcurl

#endif  // MCURL_TRANSFER_TRANSFER_H
