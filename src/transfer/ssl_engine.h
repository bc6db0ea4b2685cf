// OpenSSL ENGINE look-ups behind CURLOPT_SSLENGINE and CURLINFO_SSL_ENGINES.
//
// 7.88.1 (OpenSSL flavour) asks OpenSSL for the named engine when the option is set and
// answers CURLE_SSL_ENGINE_NOTFOUND or CURLE_SSL_ENGINE_INITFAILED at once; the set of
// engines depends on the OpenSSL installation, so mcurl asks the same library instead of
// keeping a list. Thread-safe (OpenSSL locks its engine list).
#ifndef MCURL_TRANSFER_SSL_ENGINE_H
#define MCURL_TRANSFER_SSL_ENGINE_H

#include <string>
#include <vector>

#include <curl/curl.h>

namespace mcurl::ssl_engine {

// Returns CURLE_OK if OpenSSL has an engine called `name` that initialises,
// CURLE_SSL_ENGINE_NOTFOUND if it has none, CURLE_SSL_ENGINE_INITFAILED if it fails to
// initialise. The engine is released again before returning.
CURLcode probe(const char* name) noexcept;

// The ids of the engines OpenSSL knows (CURLINFO_SSL_ENGINES), in OpenSSL's order.
// May throw std::bad_alloc.
std::vector<std::string> list();

}  // namespace mcurl::ssl_engine

#endif  // MCURL_TRANSFER_SSL_ENGINE_H
