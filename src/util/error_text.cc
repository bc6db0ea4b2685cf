#include "util/error_text.h"

#include <cstddef>
#include <iterator>

namespace mcurl {
namespace {

// The texts libcurl 7.88.1 gives for each code (tests/conformance/strerror.c checks them
// against the system library). nullptr marks numbers that are no longer in use.
constexpr const char* kEasy[] = {
    "No error",                                     // 0
    "Unsupported protocol",                         // 1
    "Failed initialization",                        // 2
    "URL using bad/illegal format or missing URL",  // 3
    "A requested feature, protocol or option was not found built-in in this libcurl due to a "
    "build-time decision.",                                     // 4
    "Couldn't resolve proxy name",                              // 5
    "Couldn't resolve host name",                               // 6
    "Couldn't connect to server",                               // 7
    "Weird server reply",                                       // 8
    "Access denied to remote resource",                         // 9
    "FTP: The server failed to connect to data port",           // 10
    "FTP: unknown PASS reply",                                  // 11
    "FTP: Accepting server connect has timed out",              // 12
    "FTP: unknown PASV reply",                                  // 13
    "FTP: unknown 227 response format",                         // 14
    "FTP: can't figure out the host in the PASV response",      // 15
    "Error in the HTTP2 framing layer",                         // 16
    "FTP: couldn't set file type",                              // 17
    "Transferred a partial file",                               // 18
    "FTP: couldn't retrieve (RETR failed) the specified file",  // 19
    nullptr,                                                    // 20: unused
    "Quote command returned error",                             // 21
    "HTTP response code said error",                            // 22
    "Failed writing received data to disk/application",         // 23
    nullptr,                                                    // 24: unused
    "Upload failed (at start/before it took off)",              // 25
    "Failed to open/read local data from file/application",     // 26
    "Out of memory",                                            // 27
    "Timeout was reached",                                      // 28
    nullptr,                                                    // 29: unused
    "FTP: command PORT failed",                                 // 30
    "FTP: command REST failed",                                 // 31
    nullptr,                                                    // 32: unused
    "Requested range was not delivered by the server",          // 33
    "Internal problem setting up the POST",                     // 34
    "SSL connect error",                                        // 35
    "Couldn't resume download",                                 // 36
    "Couldn't read a file:// file",                             // 37
    "LDAP: cannot bind",                                        // 38
    "LDAP: search failed",                                      // 39
    nullptr,                                                    // 40: unused
    "A required function in the library was not found",         // 41
    "Operation was aborted by an application callback",         // 42
    "A libcurl function was given a bad argument",              // 43
    nullptr,                                                    // 44: unused
    "Failed binding local connection end",                      // 45
    nullptr,                                                    // 46: unused
    "Number of redirects hit maximum amount",                   // 47
    "An unknown option was passed in to libcurl",               // 48
    "Malformed option provided in a setopt",                    // 49
    nullptr,                                                    // 50: unused
    nullptr,                                                    // 51: unused
    "Server returned nothing (no headers, no data)",            // 52
    "SSL crypto engine not found",                              // 53
    "Can not set SSL crypto engine as default",                 // 54
    "Failed sending data to the peer",                          // 55
    "Failure when receiving data from the peer",                // 56
    nullptr,                                                    // 57: unused
    "Problem with the local SSL certificate",                   // 58
    "Couldn't use specified SSL cipher",                        // 59
    "SSL peer certificate or SSH remote key was not OK",        // 60
    "Unrecognized or bad HTTP Content or Transfer-Encoding",    // 61
    nullptr,                                                    // 62: unused
    "Maximum file size exceeded",                               // 63
    "Requested SSL level failed",                               // 64
    "Send failed since rewinding of the data stream failed",    // 65
    "Failed to initialise SSL crypto engine",                   // 66
    "Login denied",                                             // 67
    "TFTP: File Not Found",                                     // 68
    "TFTP: Access Violation",                                   // 69
    "Disk full or allocation exceeded",                         // 70
    "TFTP: Illegal operation",                                  // 71
    "TFTP: Unknown transfer ID",                                // 72
    "Remote file already exists",                               // 73
    "TFTP: No such user",                                       // 74
    nullptr,                                                    // 75: unused
    nullptr,                                                    // 76: unused
    "Problem with the SSL CA cert (path? access rights?)",      // 77
    "Remote file not found",                                    // 78
    "Error in the SSH layer",                                   // 79
    "Failed to shut down the SSL connection",                   // 80
    "Socket not ready for send/recv",                           // 81
    "Failed to load CRL file (path? access rights?, format?)",  // 82
    "Issuer check against peer certificate failed",             // 83
    "FTP: The server did not accept the PRET command.",         // 84
    "RTSP CSeq mismatch or invalid CSeq",                       // 85
    "RTSP session error",                                       // 86
    "Unable to parse FTP file list",                            // 87
    "Chunk callback failed",                                    // 88
    "The max connection limit is reached",                      // 89
    "SSL public key does not match pinned public key",          // 90
    "SSL server certificate status verification FAILED",        // 91
    "Stream error in the HTTP/2 framing layer",                 // 92
    "API function called from within callback",                 // 93
    "An authentication function returned an error",             // 94
    "HTTP/3 error",                                             // 95
    "QUIC connection error",                                    // 96
    "proxy handshake error",                                    // 97
    "SSL Client Certificate required",                          // 98
    "Unrecoverable error in select/poll",                       // 99
};

// Starts at CURLM_CALL_MULTI_PERFORM (-1).
constexpr const char* kMulti[] = {
    "Please call curl_multi_perform() soon",               // -1
    "No error",                                            // 0
    "Invalid multi handle",                                // 1
    "Invalid easy handle",                                 // 2
    "Out of memory",                                       // 3
    "Internal error",                                      // 4
    "Invalid socket argument",                             // 5
    "Unknown option",                                      // 6
    "The easy handle is already added to a multi handle",  // 7
    "API function called from within callback",            // 8
    "Wakeup is unavailable or failed",                     // 9
    "A libcurl function was given a bad argument",         // 10
    "Operation was aborted by an application callback",    // 11
    "Unrecoverable error in select/poll",                  // 12
};

constexpr const char* kShare[] = {
    "No error",                             // 0
    "Unknown share option",                 // 1
    "Share currently in use",               // 2
    "Invalid share handle",                 // 3
    "Out of memory",                        // 4
    "Feature not enabled in this library",  // 5
};

constexpr const char* kUrl[] = {
    "No error",                                                       // 0
    "An invalid CURLU pointer was passed as argument",                // 1
    "An invalid 'part' argument was passed as argument",              // 2
    "Malformed input to a URL function",                              // 3
    "Port number was not a decimal number between 0 and 65535",       // 4
    "Unsupported URL scheme",                                         // 5
    "URL decode error, most likely because of rubbish in the input",  // 6
    "A memory function failed",                                       // 7
    "Credentials was passed in the URL when prohibited",              // 8
    "An unknown part ID was passed to a URL API function",            // 9
    "No scheme part in the URL",                                      // 10
    "No user part in the URL",                                        // 11
    "No password part in the URL",                                    // 12
    "No options part in the URL",                                     // 13
    "No host part in the URL",                                        // 14
    "No port part in the URL",                                        // 15
    "No query part in the URL",                                       // 16
    "No fragment part in the URL",                                    // 17
    "No zoneid part in the URL",                                      // 18
    "Bad file:// URL",                                                // 19
    "Bad fragment",                                                   // 20
    "Bad hostname",                                                   // 21
    "Bad IPv6 address",                                               // 22
    "Bad login part",                                                 // 23
    "Bad password",                                                   // 24
    "Bad path",                                                       // 25
    "Bad query",                                                      // 26
    "Bad scheme",                                                     // 27
    "Unsupported number of slashes following scheme",                 // 28
    "Bad user",                                                       // 29
    "libcurl lacks IDN support",                                      // 30
};

template <std::size_t N>
const char* lookup(const char* const (&table)[N], long index, const char* unknown) {
  if (index < 0 || static_cast<std::size_t>(index) >= N || table[index] == nullptr) {
    return unknown;
  }
  return table[index];
}

}  // namespace

const char* easy_error_text(long code) noexcept { return lookup(kEasy, code, "Unknown error"); }
const char* multi_error_text(long code) noexcept {
  return lookup(kMulti, code + 1, "Unknown error");
}
const char* share_error_text(long code) noexcept {
  return lookup(kShare, code, "CURLSHcode unknown");
}
const char* url_error_text(long code) noexcept { return lookup(kUrl, code, "CURLUcode unknown"); }

}  // namespace mcurl
