/*
 * mcurl -- libcurl 7.88.1 compatible API. MIT licence. Written for mcurl.
 *
 * The main public header. Every name, value, type and struct layout here is
 * an ABI fact of libcurl 7.88.1 on x86-64 Linux, so that a program compiled
 * against this header runs on libcurl and one compiled against libcurl's
 * header runs on mcurl. The wording and arrangement are our own.
 */
#ifndef CURLINC_CURL_H
#define CURLINC_CURL_H

/* Building with CURL_NO_OLDIES hides the obsolete aliases and, like
   libcurl, makes the handle types distinct structs. */
#ifdef CURL_NO_OLDIES
#define CURL_STRICTER
#endif

/* mcurl marks nothing as deprecated at compile time: the two public helper
   macros exist so that code (and the companion headers) using them builds. */
#define CURL_DEPRECATED(version, message)
#define CURL_IGNORE_DEPRECATION(statements) statements

#include "curlver.h"
#include "system.h"

#if (defined(_WIN32) || defined(__WIN32__) || defined(WIN32)) && \
    !defined(__SYMBIAN32__)
#define CURL_WIN32
#endif

#include <stdio.h>
#include <limits.h>
#include <sys/types.h>
#include <time.h>

#ifdef CURL_WIN32
#  if !(defined(_WINSOCKAPI_) || defined(_WINSOCK_H))
#    include <winsock2.h>
#    include <ws2tcpip.h>
#  endif
#else
#  include <sys/socket.h>
#  include <sys/time.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- handles, linkage, sockets ----------------------------------------- */

#if defined(BUILDING_LIBCURL) || defined(CURL_STRICTER)
typedef struct Curl_easy CURL;
typedef struct Curl_share CURLSH;
#else
typedef void CURL;
typedef void CURLSH;
#endif

#if defined(CURL_STATICLIB)
#  define CURL_EXTERN
#elif defined(CURL_WIN32)
#  ifdef BUILDING_LIBCURL
#    define CURL_EXTERN __declspec(dllexport)
#  else
#    define CURL_EXTERN __declspec(dllimport)
#  endif
#elif defined(BUILDING_LIBCURL) && defined(__GNUC__)
#  define CURL_EXTERN __attribute__((visibility("default")))
#else
#  define CURL_EXTERN
#endif

#ifndef curl_socket_typedef
#  ifdef CURL_WIN32
typedef SOCKET curl_socket_t;
#    define CURL_SOCKET_BAD INVALID_SOCKET
#  else
typedef int curl_socket_t;
#    define CURL_SOCKET_BAD -1
#  endif
#  define curl_socket_typedef
#endif

/* A singly linked list of strings (headers, quote commands, ...). */
struct curl_slist {
  char *data;
  struct curl_slist *next;
};

/* ---- TLS backends ------------------------------------------------------ */

typedef enum {
  CURLSSLBACKEND_NONE = 0,
  CURLSSLBACKEND_OPENSSL = 1,
  CURLSSLBACKEND_GNUTLS = 2,
  CURLSSLBACKEND_NSS = 3,
  CURLSSLBACKEND_OBSOLETE4 = 4,
  CURLSSLBACKEND_GSKIT = 5,
  CURLSSLBACKEND_POLARSSL = 6,          /* deprecated */
  CURLSSLBACKEND_WOLFSSL = 7,
  CURLSSLBACKEND_SCHANNEL = 8,
  CURLSSLBACKEND_SECURETRANSPORT = 9,
  CURLSSLBACKEND_AXTLS = 10,            /* deprecated */
  CURLSSLBACKEND_MBEDTLS = 11,
  CURLSSLBACKEND_MESALINK = 12,         /* deprecated */
  CURLSSLBACKEND_BEARSSL = 13,
  CURLSSLBACKEND_RUSTLS = 14
} curl_sslbackend;

/* OpenSSL forks report as OpenSSL; two backends were renamed. */
#define CURLSSLBACKEND_LIBRESSL  CURLSSLBACKEND_OPENSSL
#define CURLSSLBACKEND_BORINGSSL CURLSSLBACKEND_OPENSSL
#define CURLSSLBACKEND_CYASSL    CURLSSLBACKEND_WOLFSSL
#define CURLSSLBACKEND_DARWINSSL CURLSSLBACKEND_SECURETRANSPORT

/* ---- legacy form posts (curl_formadd) ---------------------------------- */

struct curl_httppost {
  struct curl_httppost *next;
  char *name;
  long namelength;
  char *contents;
  long contentslength;
  char *buffer;
  long bufferlength;
  char *contenttype;
  struct curl_slist *contentheader;
  struct curl_httppost *more;       /* further files for the same name */
  long flags;                       /* CURL_HTTPPOST_* bits */
  char *showfilename;
  void *userp;
  curl_off_t contentlen;            /* used when CURL_HTTPPOST_LARGE is set */
};

/* bits of curl_httppost.flags */
#define CURL_HTTPPOST_FILENAME    (1<<0)
#define CURL_HTTPPOST_READFILE    (1<<1)
#define CURL_HTTPPOST_PTRNAME     (1<<2)
#define CURL_HTTPPOST_PTRCONTENTS (1<<3)
#define CURL_HTTPPOST_BUFFER      (1<<4)
#define CURL_HTTPPOST_PTRBUFFER   (1<<5)
#define CURL_HTTPPOST_CALLBACK    (1<<6)
#define CURL_HTTPPOST_LARGE       (1<<7)

/* ---- transfer callbacks ------------------------------------------------ */

/* Progress: return this to keep the built-in meter going. */
#define CURL_PROGRESSFUNC_CONTINUE 0x10000001

typedef int (*curl_progress_callback)(void *clientp,
                                      double dltotal, double dlnow,
                                      double ultotal, double ulnow);

typedef int (*curl_xferinfo_callback)(void *clientp,
                                      curl_off_t dltotal, curl_off_t dlnow,
                                      curl_off_t ultotal, curl_off_t ulnow);

/* Buffer limits (each may be overridden before inclusion). */
#ifndef CURL_MAX_READ_SIZE
#define CURL_MAX_READ_SIZE (10*1024*1024)
#endif
#ifndef CURL_MAX_WRITE_SIZE
#define CURL_MAX_WRITE_SIZE 16384
#endif
#ifndef CURL_MAX_HTTP_HEADER
#define CURL_MAX_HTTP_HEADER (100*1024)
#endif

/* Special write callback results: pause the transfer, or fail it. */
#define CURL_WRITEFUNC_PAUSE 0x10000001
#define CURL_WRITEFUNC_ERROR 0xFFFFFFFF

typedef size_t (*curl_write_callback)(char *buffer, size_t size,
                                      size_t nitems, void *outstream);

typedef int (*curl_resolver_start_callback)(void *resolver_state,
                                            void *reserved, void *userdata);

/* FTP wildcard matching: one directory entry */
typedef enum {
  CURLFILETYPE_FILE = 0,
  CURLFILETYPE_DIRECTORY,
  CURLFILETYPE_SYMLINK,
  CURLFILETYPE_DEVICE_BLOCK,
  CURLFILETYPE_DEVICE_CHAR,
  CURLFILETYPE_NAMEDPIPE,
  CURLFILETYPE_SOCKET,
  CURLFILETYPE_DOOR,
  CURLFILETYPE_UNKNOWN
} curlfiletype;

/* which curl_fileinfo fields are valid */
#define CURLFINFOFLAG_KNOWN_FILENAME   (1<<0)
#define CURLFINFOFLAG_KNOWN_FILETYPE   (1<<1)
#define CURLFINFOFLAG_KNOWN_TIME       (1<<2)
#define CURLFINFOFLAG_KNOWN_PERM       (1<<3)
#define CURLFINFOFLAG_KNOWN_UID        (1<<4)
#define CURLFINFOFLAG_KNOWN_GID        (1<<5)
#define CURLFINFOFLAG_KNOWN_SIZE       (1<<6)
#define CURLFINFOFLAG_KNOWN_HLINKCOUNT (1<<7)

struct curl_fileinfo {
  char *filename;
  curlfiletype filetype;
  time_t time;
  unsigned int perm;
  int uid;
  int gid;
  curl_off_t size;
  long int hardlinks;
  struct {
    char *time;
    char *perm;
    char *user;
    char *group;
    char *target;
  } strings;                /* each points into b_data, or is NULL */
  unsigned int flags;       /* CURLFINFOFLAG_* */
  char *b_data;             /* library-private storage */
  size_t b_size;
  size_t b_used;
};

/* chunk (one wildcard file) begin/end callbacks */
#define CURL_CHUNK_BGN_FUNC_OK   0
#define CURL_CHUNK_BGN_FUNC_FAIL 1
#define CURL_CHUNK_BGN_FUNC_SKIP 2

typedef long (*curl_chunk_bgn_callback)(const void *transfer_info,
                                        void *ptr, int remains);

#define CURL_CHUNK_END_FUNC_OK   0
#define CURL_CHUNK_END_FUNC_FAIL 1

typedef long (*curl_chunk_end_callback)(void *ptr);

/* wildcard pattern matcher */
#define CURL_FNMATCHFUNC_MATCH   0
#define CURL_FNMATCHFUNC_NOMATCH 1
#define CURL_FNMATCHFUNC_FAIL    2

typedef int (*curl_fnmatch_callback)(void *ptr, const char *pattern,
                                     const char *string);

/* seek callback results */
#define CURL_SEEKFUNC_OK       0
#define CURL_SEEKFUNC_FAIL     1
#define CURL_SEEKFUNC_CANTSEEK 2

typedef int (*curl_seek_callback)(void *instream, curl_off_t offset,
                                  int origin);

/* read callback special results */
#define CURL_READFUNC_ABORT 0x10000000
#define CURL_READFUNC_PAUSE 0x10000001

/* trailer callback results */
#define CURL_TRAILERFUNC_OK    0
#define CURL_TRAILERFUNC_ABORT 1

typedef size_t (*curl_read_callback)(char *buffer, size_t size,
                                     size_t nitems, void *instream);

typedef int (*curl_trailer_callback)(struct curl_slist **list,
                                     void *userdata);

/* ---- sockets ----------------------------------------------------------- */

typedef enum {
  CURLSOCKTYPE_IPCXN,
  CURLSOCKTYPE_ACCEPT,
  CURLSOCKTYPE_LAST
} curlsocktype;

/* sockopt callback results */
#define CURL_SOCKOPT_OK                0
#define CURL_SOCKOPT_ERROR             1
#define CURL_SOCKOPT_ALREADY_CONNECTED 2

typedef int (*curl_sockopt_callback)(void *clientp, curl_socket_t curlfd,
                                     curlsocktype purpose);

/* the address handed to the open-socket callback */
struct curl_sockaddr {
  int family;
  int socktype;
  int protocol;
  unsigned int addrlen;
  struct sockaddr addr;
};

typedef curl_socket_t
(*curl_opensocket_callback)(void *clientp, curlsocktype purpose,
                            struct curl_sockaddr *address);

typedef int (*curl_closesocket_callback)(void *clientp, curl_socket_t item);

/* old-style stream rewinding (CURLOPT_IOCTLFUNCTION) */
typedef enum {
  CURLIOE_OK,
  CURLIOE_UNKNOWNCMD,
  CURLIOE_FAILRESTART,
  CURLIOE_LAST
} curlioerr;

typedef enum {
  CURLIOCMD_NOP,
  CURLIOCMD_RESTARTREAD,
  CURLIOCMD_LAST
} curliocmd;

typedef curlioerr (*curl_ioctl_callback)(CURL *handle, int cmd,
                                         void *clientp);

/* allocator hooks for curl_global_init_mem() */
#ifndef CURL_DID_MEMORY_FUNC_TYPEDEFS
typedef void *(*curl_malloc_callback)(size_t size);
typedef void (*curl_free_callback)(void *ptr);
typedef void *(*curl_realloc_callback)(void *ptr, size_t size);
typedef char *(*curl_strdup_callback)(const char *str);
typedef void *(*curl_calloc_callback)(size_t nmemb, size_t size);
#define CURL_DID_MEMORY_FUNC_TYPEDEFS
#endif

/* what a debug callback is being shown */
typedef enum {
  CURLINFO_TEXT = 0,
  CURLINFO_HEADER_IN = 1,
  CURLINFO_HEADER_OUT = 2,
  CURLINFO_DATA_IN = 3,
  CURLINFO_DATA_OUT = 4,
  CURLINFO_SSL_DATA_IN = 5,
  CURLINFO_SSL_DATA_OUT = 6,
  CURLINFO_END
} curl_infotype;

typedef int (*curl_debug_callback)(CURL *handle, curl_infotype type,
                                   char *data, size_t size, void *userptr);

typedef int (*curl_prereq_callback)(void *clientp,
                                    char *conn_primary_ip,
                                    char *conn_local_ip,
                                    int conn_primary_port,
                                    int conn_local_port);

#define CURL_PREREQFUNC_OK    0
#define CURL_PREREQFUNC_ABORT 1

/* ---- result codes ------------------------------------------------------ */

/* Easy-interface result codes. The numbers never change; gaps marked
   OBSOLETE are retired codes kept as placeholders. */
typedef enum {
  CURLE_OK = 0,
  CURLE_UNSUPPORTED_PROTOCOL = 1,
  CURLE_FAILED_INIT = 2,
  CURLE_URL_MALFORMAT = 3,
  CURLE_NOT_BUILT_IN = 4,
  CURLE_COULDNT_RESOLVE_PROXY = 5,
  CURLE_COULDNT_RESOLVE_HOST = 6,
  CURLE_COULDNT_CONNECT = 7,
  CURLE_WEIRD_SERVER_REPLY = 8,
  CURLE_REMOTE_ACCESS_DENIED = 9,
  CURLE_FTP_ACCEPT_FAILED = 10,
  CURLE_FTP_WEIRD_PASS_REPLY = 11,
  CURLE_FTP_ACCEPT_TIMEOUT = 12,
  CURLE_FTP_WEIRD_PASV_REPLY = 13,
  CURLE_FTP_WEIRD_227_FORMAT = 14,
  CURLE_FTP_CANT_GET_HOST = 15,
  CURLE_HTTP2 = 16,
  CURLE_FTP_COULDNT_SET_TYPE = 17,
  CURLE_PARTIAL_FILE = 18,
  CURLE_FTP_COULDNT_RETR_FILE = 19,
  CURLE_OBSOLETE20 = 20,
  CURLE_QUOTE_ERROR = 21,
  CURLE_HTTP_RETURNED_ERROR = 22,
  CURLE_WRITE_ERROR = 23,
  CURLE_OBSOLETE24 = 24,
  CURLE_UPLOAD_FAILED = 25,
  CURLE_READ_ERROR = 26,
  CURLE_OUT_OF_MEMORY = 27,
  CURLE_OPERATION_TIMEDOUT = 28,
  CURLE_OBSOLETE29 = 29,
  CURLE_FTP_PORT_FAILED = 30,
  CURLE_FTP_COULDNT_USE_REST = 31,
  CURLE_OBSOLETE32 = 32,
  CURLE_RANGE_ERROR = 33,
  CURLE_HTTP_POST_ERROR = 34,
  CURLE_SSL_CONNECT_ERROR = 35,
  CURLE_BAD_DOWNLOAD_RESUME = 36,
  CURLE_FILE_COULDNT_READ_FILE = 37,
  CURLE_LDAP_CANNOT_BIND = 38,
  CURLE_LDAP_SEARCH_FAILED = 39,
  CURLE_OBSOLETE40 = 40,
  CURLE_FUNCTION_NOT_FOUND = 41,
  CURLE_ABORTED_BY_CALLBACK = 42,
  CURLE_BAD_FUNCTION_ARGUMENT = 43,
  CURLE_OBSOLETE44 = 44,
  CURLE_INTERFACE_FAILED = 45,
  CURLE_OBSOLETE46 = 46,
  CURLE_TOO_MANY_REDIRECTS = 47,
  CURLE_UNKNOWN_OPTION = 48,
  CURLE_SETOPT_OPTION_SYNTAX = 49,
  CURLE_OBSOLETE50 = 50,
  CURLE_OBSOLETE51 = 51,
  CURLE_GOT_NOTHING = 52,
  CURLE_SSL_ENGINE_NOTFOUND = 53,
  CURLE_SSL_ENGINE_SETFAILED = 54,
  CURLE_SEND_ERROR = 55,
  CURLE_RECV_ERROR = 56,
  CURLE_OBSOLETE57 = 57,
  CURLE_SSL_CERTPROBLEM = 58,
  CURLE_SSL_CIPHER = 59,
  CURLE_PEER_FAILED_VERIFICATION = 60,
  CURLE_BAD_CONTENT_ENCODING = 61,
  CURLE_OBSOLETE62 = 62,
  CURLE_FILESIZE_EXCEEDED = 63,
  CURLE_USE_SSL_FAILED = 64,
  CURLE_SEND_FAIL_REWIND = 65,
  CURLE_SSL_ENGINE_INITFAILED = 66,
  CURLE_LOGIN_DENIED = 67,
  CURLE_TFTP_NOTFOUND = 68,
  CURLE_TFTP_PERM = 69,
  CURLE_REMOTE_DISK_FULL = 70,
  CURLE_TFTP_ILLEGAL = 71,
  CURLE_TFTP_UNKNOWNID = 72,
  CURLE_REMOTE_FILE_EXISTS = 73,
  CURLE_TFTP_NOSUCHUSER = 74,
  CURLE_OBSOLETE75 = 75,
  CURLE_OBSOLETE76 = 76,
  CURLE_SSL_CACERT_BADFILE = 77,
  CURLE_REMOTE_FILE_NOT_FOUND = 78,
  CURLE_SSH = 79,
  CURLE_SSL_SHUTDOWN_FAILED = 80,
  CURLE_AGAIN = 81,
  CURLE_SSL_CRL_BADFILE = 82,
  CURLE_SSL_ISSUER_ERROR = 83,
  CURLE_FTP_PRET_FAILED = 84,
  CURLE_RTSP_CSEQ_ERROR = 85,
  CURLE_RTSP_SESSION_ERROR = 86,
  CURLE_FTP_BAD_FILE_LIST = 87,
  CURLE_CHUNK_FAILED = 88,
  CURLE_NO_CONNECTION_AVAILABLE = 89,
  CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
  CURLE_SSL_INVALIDCERTSTATUS = 91,
  CURLE_HTTP2_STREAM = 92,
  CURLE_RECURSIVE_API_CALL = 93,
  CURLE_AUTH_ERROR = 94,
  CURLE_HTTP3 = 95,
  CURLE_QUIC_CONNECT_ERROR = 96,
  CURLE_PROXY = 97,
  CURLE_SSL_CLIENTCERT = 98,
  CURLE_UNRECOVERABLE_POLL = 99,
  CURL_LAST = 100   /* one past the highest code */
} CURLcode;

#ifndef CURL_NO_OLDIES
/* retired codes whose numbers were later reused */
#define CURLE_OBSOLETE16 CURLE_HTTP2
#define CURLE_OBSOLETE10 CURLE_FTP_ACCEPT_FAILED
#define CURLE_OBSOLETE12 CURLE_FTP_ACCEPT_TIMEOUT

/* older names of current codes and options */
#define CURLOPT_ENCODING                  CURLOPT_ACCEPT_ENCODING
#define CURLE_FTP_WEIRD_SERVER_REPLY      CURLE_WEIRD_SERVER_REPLY
#define CURLE_SSL_CACERT                  CURLE_PEER_FAILED_VERIFICATION
#define CURLE_UNKNOWN_TELNET_OPTION       CURLE_UNKNOWN_OPTION
#define CURLE_TELNET_OPTION_SYNTAX        CURLE_SETOPT_OPTION_SYNTAX
#define CURLE_SSL_PEER_CERTIFICATE        CURLE_PEER_FAILED_VERIFICATION
#define CURLE_OBSOLETE                    CURLE_OBSOLETE50
#define CURLE_BAD_PASSWORD_ENTERED        CURLE_OBSOLETE46
#define CURLE_BAD_CALLING_ORDER           CURLE_OBSOLETE44
#define CURLE_FTP_USER_PASSWORD_INCORRECT CURLE_OBSOLETE10
#define CURLE_FTP_CANT_RECONNECT          CURLE_OBSOLETE16
#define CURLE_FTP_COULDNT_GET_SIZE        CURLE_OBSOLETE32
#define CURLE_FTP_COULDNT_SET_ASCII       CURLE_OBSOLETE29
#define CURLE_FTP_WEIRD_USER_REPLY        CURLE_OBSOLETE12
#define CURLE_FTP_WRITE_ERROR             CURLE_OBSOLETE20
#define CURLE_LIBRARY_NOT_FOUND           CURLE_OBSOLETE40
#define CURLE_MALFORMAT_USER              CURLE_OBSOLETE24
#define CURLE_SHARE_IN_USE                CURLE_OBSOLETE57
#define CURLE_URL_MALFORMAT_USER          CURLE_NOT_BUILT_IN
#define CURLE_FTP_ACCESS_DENIED           CURLE_REMOTE_ACCESS_DENIED
#define CURLE_FTP_COULDNT_SET_BINARY      CURLE_FTP_COULDNT_SET_TYPE
#define CURLE_FTP_QUOTE_ERROR             CURLE_QUOTE_ERROR
#define CURLE_TFTP_DISKFULL               CURLE_REMOTE_DISK_FULL
#define CURLE_TFTP_EXISTS                 CURLE_REMOTE_FILE_EXISTS
#define CURLE_HTTP_RANGE_ERROR            CURLE_RANGE_ERROR
#define CURLE_FTP_SSL_FAILED              CURLE_USE_SSL_FAILED
#define CURLE_OPERATION_TIMEOUTED         CURLE_OPERATION_TIMEDOUT
#define CURLE_HTTP_NOT_FOUND              CURLE_HTTP_RETURNED_ERROR
#define CURLE_HTTP_PORT_FAILED            CURLE_INTERFACE_FAILED
#define CURLE_FTP_COULDNT_STOR_FILE       CURLE_UPLOAD_FAILED
#define CURLE_FTP_PARTIAL_FILE            CURLE_PARTIAL_FILE
#define CURLE_FTP_BAD_DOWNLOAD_RESUME     CURLE_BAD_DOWNLOAD_RESUME
#define CURLE_LDAP_INVALID_URL            CURLE_OBSOLETE62
#define CURLE_CONV_REQD                   CURLE_OBSOLETE76
#define CURLE_CONV_FAILED                 CURLE_OBSOLETE75

/* a very old code that is no longer returned */
#define CURLE_ALREADY_COMPLETE 99999

/* option names from before 7.9.7, and two options that do nothing */
#define CURLOPT_FILE        CURLOPT_WRITEDATA
#define CURLOPT_INFILE      CURLOPT_READDATA
#define CURLOPT_WRITEHEADER CURLOPT_HEADERDATA
#define CURLOPT_WRITEINFO   CURLOPT_OBSOLETE40
#define CURLOPT_CLOSEPOLICY CURLOPT_OBSOLETE72
#endif /* !CURL_NO_OLDIES */

/* detail behind CURLE_PROXY, read with CURLINFO_PROXY_ERROR */
typedef enum {
  CURLPX_OK = 0,
  CURLPX_BAD_ADDRESS_TYPE = 1,
  CURLPX_BAD_VERSION = 2,
  CURLPX_CLOSED = 3,
  CURLPX_GSSAPI = 4,
  CURLPX_GSSAPI_PERMSG = 5,
  CURLPX_GSSAPI_PROTECTION = 6,
  CURLPX_IDENTD = 7,
  CURLPX_IDENTD_DIFFER = 8,
  CURLPX_LONG_HOSTNAME = 9,
  CURLPX_LONG_PASSWD = 10,
  CURLPX_LONG_USER = 11,
  CURLPX_NO_AUTH = 12,
  CURLPX_RECV_ADDRESS = 13,
  CURLPX_RECV_AUTH = 14,
  CURLPX_RECV_CONNECT = 15,
  CURLPX_RECV_REQACK = 16,
  CURLPX_REPLY_ADDRESS_TYPE_NOT_SUPPORTED = 17,
  CURLPX_REPLY_COMMAND_NOT_SUPPORTED = 18,
  CURLPX_REPLY_CONNECTION_REFUSED = 19,
  CURLPX_REPLY_GENERAL_SERVER_FAILURE = 20,
  CURLPX_REPLY_HOST_UNREACHABLE = 21,
  CURLPX_REPLY_NETWORK_UNREACHABLE = 22,
  CURLPX_REPLY_NOT_ALLOWED = 23,
  CURLPX_REPLY_TTL_EXPIRED = 24,
  CURLPX_REPLY_UNASSIGNED = 25,
  CURLPX_REQUEST_FAILED = 26,
  CURLPX_RESOLVE_HOST = 27,
  CURLPX_SEND_AUTH = 28,
  CURLPX_SEND_CONNECT = 29,
  CURLPX_SEND_REQUEST = 30,
  CURLPX_UNKNOWN_FAIL = 31,
  CURLPX_UNKNOWN_MODE = 32,
  CURLPX_USER_REJECTED = 33,
  CURLPX_LAST = 34
} CURLproxycode;

typedef CURLcode (*curl_conv_callback)(char *buffer, size_t length);

/* ssl_ctx is the TLS library's context object (an OpenSSL SSL_CTX *) */
typedef CURLcode (*curl_ssl_ctx_callback)(CURL *curl, void *ssl_ctx,
                                          void *userptr);

typedef enum {
  CURLPROXY_HTTP = 0,
  CURLPROXY_HTTP_1_0 = 1,
  CURLPROXY_HTTPS = 2,
  CURLPROXY_SOCKS4 = 4,
  CURLPROXY_SOCKS5 = 5,
  CURLPROXY_SOCKS4A = 6,
  CURLPROXY_SOCKS5_HOSTNAME = 7
} curl_proxytype;

/* ---- authentication ---------------------------------------------------- */

/* CURLOPT_HTTPAUTH / CURLOPT_PROXYAUTH bits (unsigned long) */
#define CURLAUTH_NONE         ((unsigned long)0)
#define CURLAUTH_BASIC        (((unsigned long)1)<<0)
#define CURLAUTH_DIGEST       (((unsigned long)1)<<1)
#define CURLAUTH_NEGOTIATE    (((unsigned long)1)<<2)
#define CURLAUTH_GSSNEGOTIATE CURLAUTH_NEGOTIATE
#define CURLAUTH_GSSAPI       CURLAUTH_NEGOTIATE
#define CURLAUTH_NTLM         (((unsigned long)1)<<3)
#define CURLAUTH_DIGEST_IE    (((unsigned long)1)<<4)
#define CURLAUTH_NTLM_WB      (((unsigned long)1)<<5)
#define CURLAUTH_BEARER       (((unsigned long)1)<<6)
#define CURLAUTH_AWS_SIGV4    (((unsigned long)1)<<7)
#define CURLAUTH_ONLY         (((unsigned long)1)<<31)
#define CURLAUTH_ANY          (~CURLAUTH_DIGEST_IE)
#define CURLAUTH_ANYSAFE      (~(CURLAUTH_BASIC|CURLAUTH_DIGEST_IE))

/* CURLOPT_SSH_AUTH_TYPES bits */
#define CURLSSH_AUTH_ANY       ~0
#define CURLSSH_AUTH_NONE      0
#define CURLSSH_AUTH_PUBLICKEY (1<<0)
#define CURLSSH_AUTH_PASSWORD  (1<<1)
#define CURLSSH_AUTH_HOST      (1<<2)
#define CURLSSH_AUTH_KEYBOARD  (1<<3)
#define CURLSSH_AUTH_AGENT     (1<<4)
#define CURLSSH_AUTH_GSSAPI    (1<<5)
#define CURLSSH_AUTH_DEFAULT   CURLSSH_AUTH_ANY

/* CURLOPT_GSSAPI_DELEGATION values */
#define CURLGSSAPI_DELEGATION_NONE        0
#define CURLGSSAPI_DELEGATION_POLICY_FLAG (1<<0)
#define CURLGSSAPI_DELEGATION_FLAG        (1<<1)

/* minimum size of the CURLOPT_ERRORBUFFER buffer */
#define CURL_ERROR_SIZE 256

/* ---- SSH known hosts --------------------------------------------------- */

enum curl_khtype {
  CURLKHTYPE_UNKNOWN,
  CURLKHTYPE_RSA1,
  CURLKHTYPE_RSA,
  CURLKHTYPE_DSS,
  CURLKHTYPE_ECDSA,
  CURLKHTYPE_ED25519
};

struct curl_khkey {
  const char *key;   /* base64 text when len is 0, else raw bytes */
  size_t len;
  enum curl_khtype keytype;
};

/* answers of a curl_sshkeycallback */
enum curl_khstat {
  CURLKHSTAT_FINE_ADD_TO_FILE,
  CURLKHSTAT_FINE,
  CURLKHSTAT_REJECT,
  CURLKHSTAT_DEFER,
  CURLKHSTAT_FINE_REPLACE,
  CURLKHSTAT_LAST
};

/* what the library found when it looked the host up */
enum curl_khmatch {
  CURLKHMATCH_OK,
  CURLKHMATCH_MISMATCH,
  CURLKHMATCH_MISSING,
  CURLKHMATCH_LAST
};

typedef int (*curl_sshkeycallback)(CURL *easy,
                                   const struct curl_khkey *knownkey,
                                   const struct curl_khkey *foundkey,
                                   enum curl_khmatch,
                                   void *clientp);

typedef int (*curl_sshhostkeycallback)(void *clientp, int keytype,
                                       const char *key, size_t keylen);

/* ---- TLS and FTP option values ----------------------------------------- */

/* CURLOPT_USE_SSL */
typedef enum {
  CURLUSESSL_NONE,
  CURLUSESSL_TRY,
  CURLUSESSL_CONTROL,
  CURLUSESSL_ALL,
  CURLUSESSL_LAST
} curl_usessl;

/* CURLOPT_SSL_OPTIONS / CURLOPT_PROXY_SSL_OPTIONS bits */
#define CURLSSLOPT_ALLOW_BEAST        (1<<0)
#define CURLSSLOPT_NO_REVOKE          (1<<1)
#define CURLSSLOPT_NO_PARTIALCHAIN    (1<<2)
#define CURLSSLOPT_REVOKE_BEST_EFFORT (1<<3)
#define CURLSSLOPT_NATIVE_CA          (1<<4)
#define CURLSSLOPT_AUTO_CLIENT_CERT   (1<<5)

/* default happy-eyeballs head start and upkeep interval, milliseconds */
#define CURL_HET_DEFAULT 200L
#define CURL_UPKEEP_INTERVAL_DEFAULT 60000L

#ifndef CURL_NO_OLDIES
#define CURLFTPSSL_NONE    CURLUSESSL_NONE
#define CURLFTPSSL_TRY     CURLUSESSL_TRY
#define CURLFTPSSL_CONTROL CURLUSESSL_CONTROL
#define CURLFTPSSL_ALL     CURLUSESSL_ALL
#define CURLFTPSSL_LAST    CURLUSESSL_LAST
#define curl_ftpssl        curl_usessl
#endif

/* CURLOPT_FTP_SSL_CCC */
typedef enum {
  CURLFTPSSL_CCC_NONE,
  CURLFTPSSL_CCC_PASSIVE,
  CURLFTPSSL_CCC_ACTIVE,
  CURLFTPSSL_CCC_LAST
} curl_ftpccc;

/* CURLOPT_FTPSSLAUTH */
typedef enum {
  CURLFTPAUTH_DEFAULT,
  CURLFTPAUTH_SSL,
  CURLFTPAUTH_TLS,
  CURLFTPAUTH_LAST
} curl_ftpauth;

/* CURLOPT_FTP_CREATE_MISSING_DIRS */
typedef enum {
  CURLFTP_CREATE_DIR_NONE,
  CURLFTP_CREATE_DIR,
  CURLFTP_CREATE_DIR_RETRY,
  CURLFTP_CREATE_DIR_LAST
} curl_ftpcreatedir;

/* CURLOPT_FTP_FILEMETHOD */
typedef enum {
  CURLFTPMETHOD_DEFAULT,
  CURLFTPMETHOD_MULTICWD,
  CURLFTPMETHOD_NOCWD,
  CURLFTPMETHOD_SINGLECWD,
  CURLFTPMETHOD_LAST
} curl_ftpmethod;

/* CURLOPT_HEADEROPT */
#define CURLHEADER_UNIFIED  0
#define CURLHEADER_SEPARATE (1<<0)

/* CURLOPT_ALTSVC_CTRL bits */
#define CURLALTSVC_READONLYFILE (1<<2)
#define CURLALTSVC_H1           (1<<3)
#define CURLALTSVC_H2           (1<<4)
#define CURLALTSVC_H3           (1<<5)

/* ---- HSTS -------------------------------------------------------------- */

struct curl_hstsentry {
  char *name;
  size_t namelen;
  unsigned int includeSubDomains:1;
  char expire[18];   /* "YYYYMMDD HH:MM:SS" plus NUL */
};

struct curl_index {
  size_t index;      /* position of this entry */
  size_t total;      /* number of entries */
};

typedef enum {
  CURLSTS_OK,
  CURLSTS_DONE,
  CURLSTS_FAIL
} CURLSTScode;

typedef CURLSTScode (*curl_hstsread_callback)(CURL *easy,
                                              struct curl_hstsentry *e,
                                              void *userp);
typedef CURLSTScode (*curl_hstswrite_callback)(CURL *easy,
                                               struct curl_hstsentry *e,
                                               struct curl_index *i,
                                               void *userp);

/* CURLOPT_HSTS_CTRL bits */
#define CURLHSTS_ENABLE       (long)(1<<0)
#define CURLHSTS_READONLYFILE (long)(1<<1)

/* ---- protocol bits (for the deprecated CURLOPT_PROTOCOLS) -------------- */

#define CURLPROTO_HTTP    (1<<0)
#define CURLPROTO_HTTPS   (1<<1)
#define CURLPROTO_FTP     (1<<2)
#define CURLPROTO_FTPS    (1<<3)
#define CURLPROTO_SCP     (1<<4)
#define CURLPROTO_SFTP    (1<<5)
#define CURLPROTO_TELNET  (1<<6)
#define CURLPROTO_LDAP    (1<<7)
#define CURLPROTO_LDAPS   (1<<8)
#define CURLPROTO_DICT    (1<<9)
#define CURLPROTO_FILE    (1<<10)
#define CURLPROTO_TFTP    (1<<11)
#define CURLPROTO_IMAP    (1<<12)
#define CURLPROTO_IMAPS   (1<<13)
#define CURLPROTO_POP3    (1<<14)
#define CURLPROTO_POP3S   (1<<15)
#define CURLPROTO_SMTP    (1<<16)
#define CURLPROTO_SMTPS   (1<<17)
#define CURLPROTO_RTSP    (1<<18)
#define CURLPROTO_RTMP    (1<<19)
#define CURLPROTO_RTMPT   (1<<20)
#define CURLPROTO_RTMPE   (1<<21)
#define CURLPROTO_RTMPTE  (1<<22)
#define CURLPROTO_RTMPS   (1<<23)
#define CURLPROTO_RTMPTS  (1<<24)
#define CURLPROTO_GOPHER  (1<<25)
#define CURLPROTO_SMB     (1<<26)
#define CURLPROTO_SMBS    (1<<27)
#define CURLPROTO_MQTT    (1<<28)
#define CURLPROTO_GOPHERS (1<<29)
#define CURLPROTO_ALL     (~0)

/* ---- easy options ------------------------------------------------------ */

/* An option's number is its argument kind's base plus its index. */
#define CURLOPTTYPE_LONG          0
#define CURLOPTTYPE_OBJECTPOINT   10000
#define CURLOPTTYPE_FUNCTIONPOINT 20000
#define CURLOPTTYPE_OFF_T         30000
#define CURLOPTTYPE_BLOB          40000

/* Finer names for kinds that are passed the same way. */
#define CURLOPTTYPE_STRINGPOINT CURLOPTTYPE_OBJECTPOINT  /* char * */
#define CURLOPTTYPE_SLISTPOINT  CURLOPTTYPE_OBJECTPOINT  /* curl_slist * */
#define CURLOPTTYPE_CBPOINT     CURLOPTTYPE_OBJECTPOINT  /* callback data */
#define CURLOPTTYPE_VALUES      CURLOPTTYPE_LONG         /* enum or bits */

/* Public helpers for declaring option enumerators (multi.h uses them). */
#define CURLOPT(na,t,nu) na = t + nu
#define CURLOPTDEPRECATED(na,t,nu,v,m) na CURL_DEPRECATED(v,m) = t + nu

/* The CURLoption enumeration (every option number of 7.88.1). */
#include "mcurl_optlist.h"

/* progress callbacks of both kinds share one data pointer */
#define CURLOPT_PROGRESSDATA CURLOPT_XFERINFODATA

#ifndef CURL_NO_OLDIES
#define CURLOPT_POST301              CURLOPT_POSTREDIR
#define CURLOPT_SSLKEYPASSWD         CURLOPT_KEYPASSWD
#define CURLOPT_FTPAPPEND            CURLOPT_APPEND
#define CURLOPT_FTPLISTONLY          CURLOPT_DIRLISTONLY
#define CURLOPT_FTP_SSL              CURLOPT_USE_SSL
#define CURLOPT_SSLCERTPASSWD        CURLOPT_KEYPASSWD
#define CURLOPT_KRB4LEVEL            CURLOPT_KRBLEVEL
#define CURLOPT_FTP_RESPONSE_TIMEOUT CURLOPT_SERVER_RESPONSE_TIMEOUT
#endif

/* CURLOPT_IPRESOLVE */
#define CURL_IPRESOLVE_WHATEVER 0
#define CURL_IPRESOLVE_V4       1
#define CURL_IPRESOLVE_V6       2

/* RTSP requests take their headers from the HTTP header list */
#define CURLOPT_RTSPHEADER CURLOPT_HTTPHEADER

/* CURLOPT_HTTP_VERSION */
enum {
  CURL_HTTP_VERSION_NONE = 0,
  CURL_HTTP_VERSION_1_0 = 1,
  CURL_HTTP_VERSION_1_1 = 2,
  CURL_HTTP_VERSION_2_0 = 3,
  CURL_HTTP_VERSION_2TLS = 4,
  CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE = 5,
  CURL_HTTP_VERSION_3 = 30,
  CURL_HTTP_VERSION_3ONLY = 31,
  CURL_HTTP_VERSION_LAST = 32
};

#define CURL_HTTP_VERSION_2 CURL_HTTP_VERSION_2_0

/* CURLOPT_RTSP_REQUEST */
enum {
  CURL_RTSPREQ_NONE,
  CURL_RTSPREQ_OPTIONS,
  CURL_RTSPREQ_DESCRIBE,
  CURL_RTSPREQ_ANNOUNCE,
  CURL_RTSPREQ_SETUP,
  CURL_RTSPREQ_PLAY,
  CURL_RTSPREQ_PAUSE,
  CURL_RTSPREQ_TEARDOWN,
  CURL_RTSPREQ_GET_PARAMETER,
  CURL_RTSPREQ_SET_PARAMETER,
  CURL_RTSPREQ_RECORD,
  CURL_RTSPREQ_RECEIVE,
  CURL_RTSPREQ_LAST
};

/* CURLOPT_NETRC */
enum CURL_NETRC_OPTION {
  CURL_NETRC_IGNORED,
  CURL_NETRC_OPTIONAL,
  CURL_NETRC_REQUIRED,
  CURL_NETRC_LAST
};

/* CURLOPT_SSLVERSION: a minimum in the low 16 bits ... */
enum {
  CURL_SSLVERSION_DEFAULT,
  CURL_SSLVERSION_TLSv1,
  CURL_SSLVERSION_SSLv2,
  CURL_SSLVERSION_SSLv3,
  CURL_SSLVERSION_TLSv1_0,
  CURL_SSLVERSION_TLSv1_1,
  CURL_SSLVERSION_TLSv1_2,
  CURL_SSLVERSION_TLSv1_3,
  CURL_SSLVERSION_LAST
};

/* ... ORed with a maximum in the high bits */
enum {
  CURL_SSLVERSION_MAX_NONE = 0,
  CURL_SSLVERSION_MAX_DEFAULT = (CURL_SSLVERSION_TLSv1 << 16),
  CURL_SSLVERSION_MAX_TLSv1_0 = (CURL_SSLVERSION_TLSv1_0 << 16),
  CURL_SSLVERSION_MAX_TLSv1_1 = (CURL_SSLVERSION_TLSv1_1 << 16),
  CURL_SSLVERSION_MAX_TLSv1_2 = (CURL_SSLVERSION_TLSv1_2 << 16),
  CURL_SSLVERSION_MAX_TLSv1_3 = (CURL_SSLVERSION_TLSv1_3 << 16),
  CURL_SSLVERSION_MAX_LAST = (CURL_SSLVERSION_LAST << 16)
};

enum CURL_TLSAUTH {
  CURL_TLSAUTH_NONE,
  CURL_TLSAUTH_SRP,
  CURL_TLSAUTH_LAST
};

/* CURLOPT_POSTREDIR bits */
#define CURL_REDIR_GET_ALL  0
#define CURL_REDIR_POST_301 1
#define CURL_REDIR_POST_302 2
#define CURL_REDIR_POST_303 4
#define CURL_REDIR_POST_ALL \
  (CURL_REDIR_POST_301|CURL_REDIR_POST_302|CURL_REDIR_POST_303)

/* CURLOPT_TIMECONDITION */
typedef enum {
  CURL_TIMECOND_NONE,
  CURL_TIMECOND_IFMODSINCE,
  CURL_TIMECOND_IFUNMODSINCE,
  CURL_TIMECOND_LASTMOD,
  CURL_TIMECOND_LAST
} curl_TimeCond;

/* a length meaning "up to the terminating NUL" */
#define CURL_ZERO_TERMINATED ((size_t) -1)

/* case-insensitive ASCII comparisons */
CURL_EXTERN int curl_strequal(const char *s1, const char *s2);
CURL_EXTERN int curl_strnequal(const char *s1, const char *s2, size_t n);

/* ---- MIME -------------------------------------------------------------- */

typedef struct curl_mime curl_mime;
typedef struct curl_mimepart curl_mimepart;

/* CURLOPT_MIME_OPTIONS bits */
#define CURLMIMEOPT_FORMESCAPE (1<<0)

CURL_EXTERN curl_mime *curl_mime_init(CURL *easy);
CURL_EXTERN void curl_mime_free(curl_mime *mime);
CURL_EXTERN curl_mimepart *curl_mime_addpart(curl_mime *mime);
CURL_EXTERN CURLcode curl_mime_name(curl_mimepart *part, const char *name);
CURL_EXTERN CURLcode curl_mime_filename(curl_mimepart *part,
                                        const char *filename);
CURL_EXTERN CURLcode curl_mime_type(curl_mimepart *part,
                                    const char *mimetype);
CURL_EXTERN CURLcode curl_mime_encoder(curl_mimepart *part,
                                       const char *encoding);
CURL_EXTERN CURLcode curl_mime_data(curl_mimepart *part, const char *data,
                                    size_t datasize);
CURL_EXTERN CURLcode curl_mime_filedata(curl_mimepart *part,
                                        const char *filename);
CURL_EXTERN CURLcode curl_mime_data_cb(curl_mimepart *part,
                                       curl_off_t datasize,
                                       curl_read_callback readfunc,
                                       curl_seek_callback seekfunc,
                                       curl_free_callback freefunc,
                                       void *arg);
CURL_EXTERN CURLcode curl_mime_subparts(curl_mimepart *part,
                                        curl_mime *subparts);
CURL_EXTERN CURLcode curl_mime_headers(curl_mimepart *part,
                                       struct curl_slist *headers,
                                       int take_ownership);

/* ---- legacy form API (deprecated in favour of MIME) -------------------- */

typedef enum {
  CURLFORM_NOTHING,          /* 0, unused */
  CURLFORM_COPYNAME,
  CURLFORM_PTRNAME,
  CURLFORM_NAMELENGTH,
  CURLFORM_COPYCONTENTS,
  CURLFORM_PTRCONTENTS,
  CURLFORM_CONTENTSLENGTH,
  CURLFORM_FILECONTENT,
  CURLFORM_ARRAY,
  CURLFORM_OBSOLETE,
  CURLFORM_FILE,             /* 10 */
  CURLFORM_BUFFER,
  CURLFORM_BUFFERPTR,
  CURLFORM_BUFFERLENGTH,
  CURLFORM_CONTENTTYPE,
  CURLFORM_CONTENTHEADER,
  CURLFORM_FILENAME,
  CURLFORM_END,
  CURLFORM_OBSOLETE2,
  CURLFORM_STREAM,
  CURLFORM_CONTENTLEN,       /* 20 */
  CURLFORM_LASTENTRY
} CURLformoption;

/* one element of a CURLFORM_ARRAY */
struct curl_forms {
  CURLformoption option;
  const char *value;
};

typedef enum {
  CURL_FORMADD_OK,
  CURL_FORMADD_MEMORY,
  CURL_FORMADD_OPTION_TWICE,
  CURL_FORMADD_NULL,
  CURL_FORMADD_UNKNOWN_OPTION,
  CURL_FORMADD_INCOMPLETE,
  CURL_FORMADD_ILLEGAL_ARRAY,
  CURL_FORMADD_DISABLED,
  CURL_FORMADD_LAST
} CURLFORMcode;

CURL_EXTERN CURLFORMcode curl_formadd(struct curl_httppost **httppost,
                                      struct curl_httppost **last_post,
                                      ...);

/* receives the serialised form piece by piece; returns len on success */
typedef size_t (*curl_formget_callback)(void *arg, const char *buf,
                                        size_t len);

CURL_EXTERN int curl_formget(struct curl_httppost *form, void *arg,
                             curl_formget_callback append);
CURL_EXTERN void curl_formfree(struct curl_httppost *form);

/* ---- global functions and utilities ------------------------------------ */

CURL_EXTERN char *curl_getenv(const char *variable);
CURL_EXTERN char *curl_version(void);

CURL_EXTERN char *curl_easy_escape(CURL *handle, const char *string,
                                   int length);
CURL_EXTERN char *curl_escape(const char *string, int length);
CURL_EXTERN char *curl_easy_unescape(CURL *handle, const char *string,
                                     int length, int *outlength);
CURL_EXTERN char *curl_unescape(const char *string, int length);

/* release memory the library handed out */
CURL_EXTERN void curl_free(void *p);

CURL_EXTERN CURLcode curl_global_init(long flags);
CURL_EXTERN CURLcode curl_global_init_mem(long flags,
                                          curl_malloc_callback m,
                                          curl_free_callback f,
                                          curl_realloc_callback r,
                                          curl_strdup_callback s,
                                          curl_calloc_callback c);
CURL_EXTERN void curl_global_cleanup(void);

/* TLS backend selection, before curl_global_init() */
struct curl_ssl_backend {
  curl_sslbackend id;
  const char *name;
};
typedef struct curl_ssl_backend curl_ssl_backend;

typedef enum {
  CURLSSLSET_OK = 0,
  CURLSSLSET_UNKNOWN_BACKEND,
  CURLSSLSET_TOO_LATE,
  CURLSSLSET_NO_BACKENDS
} CURLsslset;

CURL_EXTERN CURLsslset curl_global_sslset(curl_sslbackend id,
                                          const char *name,
                                          const curl_ssl_backend ***avail);

CURL_EXTERN struct curl_slist *curl_slist_append(struct curl_slist *list,
                                                 const char *data);
CURL_EXTERN void curl_slist_free_all(struct curl_slist *list);

/* parse a date string; the second argument is ignored */
CURL_EXTERN time_t curl_getdate(const char *p, const time_t *unused);

/* ---- transfer information (curl_easy_getinfo) -------------------------- */

/* CURLINFO_CERTINFO: one "name: value" list per certificate */
struct curl_certinfo {
  int num_of_certs;
  struct curl_slist **certinfo;
};

/* CURLINFO_TLS_SSL_PTR: the backend and its session object */
struct curl_tlssessioninfo {
  curl_sslbackend backend;
  void *internals;
};

/* An info id is its result kind (high nibble) plus its index. */
#define CURLINFO_STRING   0x100000
#define CURLINFO_LONG     0x200000
#define CURLINFO_DOUBLE   0x300000
#define CURLINFO_SLIST    0x400000
#define CURLINFO_PTR      0x400000   /* same kind as SLIST */
#define CURLINFO_SOCKET   0x500000
#define CURLINFO_OFF_T    0x600000
#define CURLINFO_MASK     0x0fffff
#define CURLINFO_TYPEMASK 0xf00000

/* Our own shorthand for the table below, removed after the enum;
   MCURL_INFO_OLD_ marks ids libcurl 7.88.1 deprecates. */
#define MCURL_INFO_(name, kind, num) CURLINFO_##name = CURLINFO_##kind + num
#define MCURL_INFO_OLD_(name, kind, num) MCURL_INFO_(name, kind, num)

typedef enum {
  CURLINFO_NONE,
  MCURL_INFO_(EFFECTIVE_URL, STRING, 1),
  MCURL_INFO_(RESPONSE_CODE, LONG, 2),
  MCURL_INFO_(TOTAL_TIME, DOUBLE, 3),
  MCURL_INFO_(NAMELOOKUP_TIME, DOUBLE, 4),
  MCURL_INFO_(CONNECT_TIME, DOUBLE, 5),
  MCURL_INFO_(PRETRANSFER_TIME, DOUBLE, 6),
  MCURL_INFO_OLD_(SIZE_UPLOAD, DOUBLE, 7),
  MCURL_INFO_(SIZE_UPLOAD_T, OFF_T, 7),
  MCURL_INFO_OLD_(SIZE_DOWNLOAD, DOUBLE, 8),
  MCURL_INFO_(SIZE_DOWNLOAD_T, OFF_T, 8),
  MCURL_INFO_OLD_(SPEED_DOWNLOAD, DOUBLE, 9),
  MCURL_INFO_(SPEED_DOWNLOAD_T, OFF_T, 9),
  MCURL_INFO_OLD_(SPEED_UPLOAD, DOUBLE, 10),
  MCURL_INFO_(SPEED_UPLOAD_T, OFF_T, 10),
  MCURL_INFO_(HEADER_SIZE, LONG, 11),
  MCURL_INFO_(REQUEST_SIZE, LONG, 12),
  MCURL_INFO_(SSL_VERIFYRESULT, LONG, 13),
  MCURL_INFO_(FILETIME, LONG, 14),
  MCURL_INFO_(FILETIME_T, OFF_T, 14),
  MCURL_INFO_OLD_(CONTENT_LENGTH_DOWNLOAD, DOUBLE, 15),
  MCURL_INFO_(CONTENT_LENGTH_DOWNLOAD_T, OFF_T, 15),
  MCURL_INFO_OLD_(CONTENT_LENGTH_UPLOAD, DOUBLE, 16),
  MCURL_INFO_(CONTENT_LENGTH_UPLOAD_T, OFF_T, 16),
  MCURL_INFO_(STARTTRANSFER_TIME, DOUBLE, 17),
  MCURL_INFO_(CONTENT_TYPE, STRING, 18),
  MCURL_INFO_(REDIRECT_TIME, DOUBLE, 19),
  MCURL_INFO_(REDIRECT_COUNT, LONG, 20),
  MCURL_INFO_(PRIVATE, STRING, 21),
  MCURL_INFO_(HTTP_CONNECTCODE, LONG, 22),
  MCURL_INFO_(HTTPAUTH_AVAIL, LONG, 23),
  MCURL_INFO_(PROXYAUTH_AVAIL, LONG, 24),
  MCURL_INFO_(OS_ERRNO, LONG, 25),
  MCURL_INFO_(NUM_CONNECTS, LONG, 26),
  MCURL_INFO_(SSL_ENGINES, SLIST, 27),
  MCURL_INFO_(COOKIELIST, SLIST, 28),
  MCURL_INFO_OLD_(LASTSOCKET, LONG, 29),
  MCURL_INFO_(FTP_ENTRY_PATH, STRING, 30),
  MCURL_INFO_(REDIRECT_URL, STRING, 31),
  MCURL_INFO_(PRIMARY_IP, STRING, 32),
  MCURL_INFO_(APPCONNECT_TIME, DOUBLE, 33),
  MCURL_INFO_(CERTINFO, PTR, 34),
  MCURL_INFO_(CONDITION_UNMET, LONG, 35),
  MCURL_INFO_(RTSP_SESSION_ID, STRING, 36),
  MCURL_INFO_(RTSP_CLIENT_CSEQ, LONG, 37),
  MCURL_INFO_(RTSP_SERVER_CSEQ, LONG, 38),
  MCURL_INFO_(RTSP_CSEQ_RECV, LONG, 39),
  MCURL_INFO_(PRIMARY_PORT, LONG, 40),
  MCURL_INFO_(LOCAL_IP, STRING, 41),
  MCURL_INFO_(LOCAL_PORT, LONG, 42),
  MCURL_INFO_OLD_(TLS_SESSION, PTR, 43),
  MCURL_INFO_(ACTIVESOCKET, SOCKET, 44),
  MCURL_INFO_(TLS_SSL_PTR, PTR, 45),
  MCURL_INFO_(HTTP_VERSION, LONG, 46),
  MCURL_INFO_(PROXY_SSL_VERIFYRESULT, LONG, 47),
  MCURL_INFO_OLD_(PROTOCOL, LONG, 48),
  MCURL_INFO_(SCHEME, STRING, 49),
  MCURL_INFO_(TOTAL_TIME_T, OFF_T, 50),
  MCURL_INFO_(NAMELOOKUP_TIME_T, OFF_T, 51),
  MCURL_INFO_(CONNECT_TIME_T, OFF_T, 52),
  MCURL_INFO_(PRETRANSFER_TIME_T, OFF_T, 53),
  MCURL_INFO_(STARTTRANSFER_TIME_T, OFF_T, 54),
  MCURL_INFO_(REDIRECT_TIME_T, OFF_T, 55),
  MCURL_INFO_(APPCONNECT_TIME_T, OFF_T, 56),
  MCURL_INFO_(RETRY_AFTER, OFF_T, 57),
  MCURL_INFO_(EFFECTIVE_METHOD, STRING, 58),
  MCURL_INFO_(PROXY_ERROR, LONG, 59),
  MCURL_INFO_(REFERER, STRING, 60),
  MCURL_INFO_(CAINFO, STRING, 61),
  MCURL_INFO_(CAPATH, STRING, 62),
  CURLINFO_LASTONE = 62
} CURLINFO;

#undef MCURL_INFO_
#undef MCURL_INFO_OLD_

/* the old name of CURLINFO_RESPONSE_CODE */
#define CURLINFO_HTTP_CODE CURLINFO_RESPONSE_CODE

/* unused since long ago; kept for source compatibility */
typedef enum {
  CURLCLOSEPOLICY_NONE,
  CURLCLOSEPOLICY_OLDEST,
  CURLCLOSEPOLICY_LEAST_RECENTLY_USED,
  CURLCLOSEPOLICY_LEAST_TRAFFIC,
  CURLCLOSEPOLICY_SLOWEST,
  CURLCLOSEPOLICY_CALLBACK,
  CURLCLOSEPOLICY_LAST
} curl_closepolicy;

/* curl_global_init() flags */
#define CURL_GLOBAL_SSL       (1<<0)
#define CURL_GLOBAL_WIN32     (1<<1)
#define CURL_GLOBAL_ALL       (CURL_GLOBAL_SSL|CURL_GLOBAL_WIN32)
#define CURL_GLOBAL_NOTHING   0
#define CURL_GLOBAL_DEFAULT   CURL_GLOBAL_ALL
#define CURL_GLOBAL_ACK_EINTR (1<<2)

/* ---- share interface --------------------------------------------------- */

/* the kinds of data a share object guards */
typedef enum {
  CURL_LOCK_DATA_NONE = 0,
  CURL_LOCK_DATA_SHARE,        /* the share's own state */
  CURL_LOCK_DATA_COOKIE,
  CURL_LOCK_DATA_DNS,
  CURL_LOCK_DATA_SSL_SESSION,
  CURL_LOCK_DATA_CONNECT,
  CURL_LOCK_DATA_PSL,
  CURL_LOCK_DATA_HSTS,
  CURL_LOCK_DATA_LAST
} curl_lock_data;

typedef enum {
  CURL_LOCK_ACCESS_NONE = 0,
  CURL_LOCK_ACCESS_SHARED = 1,
  CURL_LOCK_ACCESS_SINGLE = 2,
  CURL_LOCK_ACCESS_LAST
} curl_lock_access;

typedef void (*curl_lock_function)(CURL *handle, curl_lock_data data,
                                   curl_lock_access locktype, void *userptr);
typedef void (*curl_unlock_function)(CURL *handle, curl_lock_data data,
                                     void *userptr);

typedef enum {
  CURLSHE_OK,
  CURLSHE_BAD_OPTION,
  CURLSHE_IN_USE,
  CURLSHE_INVALID,
  CURLSHE_NOMEM,
  CURLSHE_NOT_BUILT_IN,
  CURLSHE_LAST
} CURLSHcode;

typedef enum {
  CURLSHOPT_NONE,
  CURLSHOPT_SHARE,
  CURLSHOPT_UNSHARE,
  CURLSHOPT_LOCKFUNC,
  CURLSHOPT_UNLOCKFUNC,
  CURLSHOPT_USERDATA,
  CURLSHOPT_LAST
} CURLSHoption;

CURL_EXTERN CURLSH *curl_share_init(void);
CURL_EXTERN CURLSHcode curl_share_setopt(CURLSH *share, CURLSHoption option,
                                         ...);
CURL_EXTERN CURLSHcode curl_share_cleanup(CURLSH *share);

/* ---- version information ----------------------------------------------- */

/* the struct generation a caller asks curl_version_info() for */
typedef enum {
  CURLVERSION_FIRST,
  CURLVERSION_SECOND,
  CURLVERSION_THIRD,
  CURLVERSION_FOURTH,
  CURLVERSION_FIFTH,
  CURLVERSION_SIXTH,
  CURLVERSION_SEVENTH,
  CURLVERSION_EIGHTH,
  CURLVERSION_NINTH,
  CURLVERSION_TENTH,
  CURLVERSION_ELEVENTH,
  CURLVERSION_LAST
} CURLversion;

#define CURLVERSION_NOW CURLVERSION_ELEVENTH

struct curl_version_info_data {
  CURLversion age;
  const char *version;
  unsigned int version_num;
  const char *host;
  int features;                     /* CURL_VERSION_* bits */
  const char *ssl_version;
  long ssl_version_num;             /* always 0 */
  const char *libz_version;
  const char * const *protocols;    /* NULL-terminated */
  /* age >= CURLVERSION_SECOND */
  const char *ares;
  int ares_num;
  /* age >= CURLVERSION_THIRD */
  const char *libidn;
  /* age >= CURLVERSION_FOURTH */
  int iconv_ver_num;
  const char *libssh_version;
  /* age >= CURLVERSION_FIFTH */
  unsigned int brotli_ver_num;
  const char *brotli_version;
  /* age >= CURLVERSION_SIXTH */
  unsigned int nghttp2_ver_num;
  const char *nghttp2_version;
  const char *quic_version;
  /* age >= CURLVERSION_SEVENTH */
  const char *cainfo;
  const char *capath;
  /* age >= CURLVERSION_EIGHTH */
  unsigned int zstd_ver_num;
  const char *zstd_version;
  /* age >= CURLVERSION_NINTH */
  const char *hyper_version;
  /* age >= CURLVERSION_TENTH */
  const char *gsasl_version;
  /* age >= CURLVERSION_ELEVENTH */
  const char * const *feature_names; /* NULL-terminated */
};
typedef struct curl_version_info_data curl_version_info_data;

/* curl_version_info_data.features bits */
#define CURL_VERSION_IPV6         (1<<0)
#define CURL_VERSION_KERBEROS4    (1<<1)
#define CURL_VERSION_SSL          (1<<2)
#define CURL_VERSION_LIBZ         (1<<3)
#define CURL_VERSION_NTLM         (1<<4)
#define CURL_VERSION_GSSNEGOTIATE (1<<5)
#define CURL_VERSION_DEBUG        (1<<6)
#define CURL_VERSION_ASYNCHDNS    (1<<7)
#define CURL_VERSION_SPNEGO       (1<<8)
#define CURL_VERSION_LARGEFILE    (1<<9)
#define CURL_VERSION_IDN          (1<<10)
#define CURL_VERSION_SSPI         (1<<11)
#define CURL_VERSION_CONV         (1<<12)
#define CURL_VERSION_CURLDEBUG    (1<<13)
#define CURL_VERSION_TLSAUTH_SRP  (1<<14)
#define CURL_VERSION_NTLM_WB      (1<<15)
#define CURL_VERSION_HTTP2        (1<<16)
#define CURL_VERSION_GSSAPI       (1<<17)
#define CURL_VERSION_KERBEROS5    (1<<18)
#define CURL_VERSION_UNIX_SOCKETS (1<<19)
#define CURL_VERSION_PSL          (1<<20)
#define CURL_VERSION_HTTPS_PROXY  (1<<21)
#define CURL_VERSION_MULTI_SSL    (1<<22)
#define CURL_VERSION_BROTLI       (1<<23)
#define CURL_VERSION_ALTSVC       (1<<24)
#define CURL_VERSION_HTTP3        (1<<25)
#define CURL_VERSION_ZSTD         (1<<26)
#define CURL_VERSION_UNICODE      (1<<27)
#define CURL_VERSION_HSTS         (1<<28)
#define CURL_VERSION_GSASL        (1<<29)
#define CURL_VERSION_THREADSAFE   (1<<30)

CURL_EXTERN curl_version_info_data *curl_version_info(CURLversion stamp);

/* ---- error strings and pausing ----------------------------------------- */

CURL_EXTERN const char *curl_easy_strerror(CURLcode code);
CURL_EXTERN const char *curl_share_strerror(CURLSHcode code);

CURL_EXTERN CURLcode curl_easy_pause(CURL *handle, int bitmask);

/* curl_easy_pause() bitmask */
#define CURLPAUSE_RECV      (1<<0)
#define CURLPAUSE_RECV_CONT (0)
#define CURLPAUSE_SEND      (1<<2)
#define CURLPAUSE_SEND_CONT (0)
#define CURLPAUSE_ALL       (CURLPAUSE_RECV|CURLPAUSE_SEND)
#define CURLPAUSE_CONT      (CURLPAUSE_RECV_CONT|CURLPAUSE_SEND_CONT)

#ifdef __cplusplus
}
#endif

/* The companion headers build on the types above. */
#include "easy.h"
#include "multi.h"
#include "urlapi.h"
#include "options.h"
#include "header.h"
#include "websockets.h"

/* With GCC >= 4.3 in C, setopt/getinfo arguments are type-checked;
   otherwise the calls are wrapped so that exactly three arguments are
   required. */
#if defined(__GNUC__) && defined(__GNUC_MINOR__) && \
    ((__GNUC__ > 4) || (__GNUC__ == 4 && __GNUC_MINOR__ >= 3)) && \
    !defined(__cplusplus) && !defined(CURL_DISABLE_TYPECHECK)
#include "typecheck-gcc.h"
#else
#if defined(__STDC__) && (__STDC__ >= 1)
#define curl_easy_setopt(handle,opt,param) curl_easy_setopt(handle,opt,param)
#define curl_easy_getinfo(handle,info,arg) curl_easy_getinfo(handle,info,arg)
#define curl_share_setopt(share,opt,param) curl_share_setopt(share,opt,param)
#define curl_multi_setopt(handle,opt,param) curl_multi_setopt(handle,opt,param)
#endif
#endif

#endif /* CURLINC_CURL_H */
