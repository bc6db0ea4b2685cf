// The option table behind curl_easy_option_by_name, curl_easy_option_by_id and
// curl_easy_option_next: every CURLOPT of libcurl 7.88.1 with its name (without the
// "CURLOPT_" prefix), number, type and flags, in 7.88.1's order (alphabetical by name).
//
// The entries are `struct curl_easyoption` from <curl/options.h> in one static array that
// ends with a sentinel whose name is nullptr, so the facade can hand out pointers into it
// and curl_easy_option_next can step through it. Nothing here allocates; everything is
// safe to call from any thread.
//
// Tests: tests/unit/transfer/option_table_test.cc, tests/conformance/option_table.c
#ifndef MCURL_TRANSFER_OPTION_TABLE_H
#define MCURL_TRANSFER_OPTION_TABLE_H

#include <cstddef>
#include <span>

#include <curl/curl.h>

namespace mcurl::option_table {

// The entries, without the trailing sentinel (316 in 7.88.1).
std::span<const curl_easyoption> entries() noexcept;

// Returns the entry named `name` (ASCII case-insensitive, without "CURLOPT_"), or nullptr
// for nullptr or an unknown name. Aliases are found under their own names.
const curl_easyoption* by_name(const char* name) noexcept;

// Returns the non-alias entry for option number `id`, or nullptr when no option has it.
const curl_easyoption* by_id(CURLoption id) noexcept;

// curl_easy_option_next: the first entry for nullptr, the entry after `prev` otherwise,
// nullptr after the last one (and for the sentinel). `prev` must be an entry of this
// table.
const curl_easyoption* next(const curl_easyoption* prev) noexcept;

// True when `id` is an option number of 7.88.1 (so setopt must not answer
// CURLE_UNKNOWN_OPTION for it).
inline bool is_known(CURLoption id) noexcept { return by_id(id) != nullptr; }

}  // namespace mcurl::option_table

#endif  // MCURL_TRANSFER_OPTION_TABLE_H
