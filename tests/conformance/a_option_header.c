/* Every CURLOPT_* name the system's curl.h defines (the enumeration and the old alias
 * macros), looked up in the library's own option table: curl_easy_option_by_name on
 * the name without its prefix must give the option whose id is the header's value (an
 * alias may resolve to its own entry, flagged CURLOT_FLAG_ALIAS, or to the target),
 * curl_easy_option_by_id on the value must name an entry of that id. The table as a
 * whole is in option_table.c; this case checks it against the header constants. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

struct hopt {
  const char *name;
  long id;
};

#define O(x) {#x, (long)x},
static const struct hopt opts[] = {
    O(CURLOPT_ABSTRACT_UNIX_SOCKET) O(CURLOPT_ACCEPTTIMEOUT_MS) O(CURLOPT_ACCEPT_ENCODING) O(
        CURLOPT_ADDRESS_SCOPE) O(CURLOPT_ALTSVC) O(CURLOPT_ALTSVC_CTRL) O(CURLOPT_APPEND)
        O(CURLOPT_AUTOREFERER) O(CURLOPT_AWS_SIGV4) O(CURLOPT_BUFFERSIZE) O(CURLOPT_CAINFO) O(
            CURLOPT_CAINFO_BLOB) O(CURLOPT_CAPATH) O(CURLOPT_CA_CACHE_TIMEOUT) O(CURLOPT_CERTINFO)
            O(CURLOPT_CHUNK_BGN_FUNCTION) O(CURLOPT_CHUNK_DATA) O(CURLOPT_CHUNK_END_FUNCTION) O(
                CURLOPT_CLOSESOCKETDATA) O(CURLOPT_CLOSESOCKETFUNCTION) O(CURLOPT_CONNECTTIMEOUT)
                O(CURLOPT_CONNECTTIMEOUT_MS) O(CURLOPT_CONNECT_ONLY) O(CURLOPT_CONNECT_TO) O(
                    CURLOPT_COOKIE) O(CURLOPT_COOKIEFILE) O(CURLOPT_COOKIEJAR) O(CURLOPT_COOKIELIST)
                    O(CURLOPT_COOKIESESSION) O(CURLOPT_COPYPOSTFIELDS) O(CURLOPT_CRLF) O(
                        CURLOPT_CRLFILE) O(CURLOPT_CURLU) O(CURLOPT_CUSTOMREQUEST)
                        O(CURLOPT_DEBUGDATA) O(CURLOPT_DEBUGFUNCTION) O(CURLOPT_DEFAULT_PROTOCOL) O(
                            CURLOPT_DIRLISTONLY) O(CURLOPT_DISALLOW_USERNAME_IN_URL)
                            O(CURLOPT_DNS_CACHE_TIMEOUT) O(CURLOPT_DNS_INTERFACE) O(
                                CURLOPT_DNS_LOCAL_IP4) O(CURLOPT_DNS_LOCAL_IP6) O(CURLOPT_DNS_SERVERS)
                                O(CURLOPT_DNS_SHUFFLE_ADDRESSES) O(CURLOPT_DOH_SSL_VERIFYHOST) O(
                                    CURLOPT_DOH_SSL_VERIFYPEER) O(CURLOPT_DOH_SSL_VERIFYSTATUS)
                                    O(CURLOPT_DOH_URL) O(CURLOPT_ERRORBUFFER) O(
                                        CURLOPT_EXPECT_100_TIMEOUT_MS)
                                        O(CURLOPT_FAILONERROR) O(CURLOPT_FILETIME) O(
                                            CURLOPT_FNMATCH_DATA) O(CURLOPT_FNMATCH_FUNCTION)
                                            O(CURLOPT_FOLLOWLOCATION) O(CURLOPT_FORBID_REUSE) O(
                                                CURLOPT_FRESH_CONNECT) O(CURLOPT_FTPPORT)
                                                O(CURLOPT_FTPSSLAUTH) O(CURLOPT_FTP_ACCOUNT) O(
                                                    CURLOPT_FTP_ALTERNATIVE_TO_USER) O(CURLOPT_FTP_CREATE_MISSING_DIRS)
                                                    O(CURLOPT_FTP_FILEMETHOD) O(CURLOPT_FTP_SKIP_PASV_IP) O(
                                                        CURLOPT_FTP_SSL_CCC) O(CURLOPT_FTP_USE_EPRT) O(CURLOPT_FTP_USE_EPSV)
                                                        O(
                                                            CURLOPT_FTP_USE_PRET) O(CURLOPT_GSSAPI_DELEGATION)
                                                            O(CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS) O(CURLOPT_HAPROXYPROTOCOL) O(CURLOPT_HEADER) O(CURLOPT_HEADERDATA) O(CURLOPT_HEADERFUNCTION) O(CURLOPT_HEADEROPT) O(CURLOPT_HSTS) O(CURLOPT_HSTSREADDATA) O(CURLOPT_HSTSREADFUNCTION) O(CURLOPT_HSTSWRITEDATA) O(CURLOPT_HSTSWRITEFUNCTION) O(CURLOPT_HSTS_CTRL) O(CURLOPT_HTTP09_ALLOWED) O(CURLOPT_HTTP200ALIASES) O(CURLOPT_HTTPAUTH) O(CURLOPT_HTTPGET) O(CURLOPT_HTTPHEADER) O(CURLOPT_HTTPPROXYTUNNEL) O(CURLOPT_HTTP_CONTENT_DECODING) O(CURLOPT_HTTP_TRANSFER_DECODING) O(CURLOPT_HTTP_VERSION) O(CURLOPT_IGNORE_CONTENT_LENGTH) O(CURLOPT_INFILESIZE) O(CURLOPT_INFILESIZE_LARGE) O(CURLOPT_INTERFACE) O(CURLOPT_INTERLEAVEDATA) O(CURLOPT_INTERLEAVEFUNCTION) O(CURLOPT_IPRESOLVE) O(CURLOPT_ISSUERCERT) O(CURLOPT_ISSUERCERT_BLOB) O(CURLOPT_KEEP_SENDING_ON_ERROR) O(CURLOPT_KEYPASSWD) O(CURLOPT_KRBLEVEL) O(CURLOPT_LOCALPORT) O(CURLOPT_LOCALPORTRANGE) O(CURLOPT_LOGIN_OPTIONS) O(
                                                                CURLOPT_LOW_SPEED_LIMIT) O(CURLOPT_LOW_SPEED_TIME) O(CURLOPT_MAIL_AUTH)
                                                                O(
                                                                    CURLOPT_MAIL_FROM) O(CURLOPT_MAIL_RCPT)
                                                                    O(
                                                                        CURLOPT_MAIL_RCPT_ALLLOWFAILS) O(CURLOPT_MAXAGE_CONN)
                                                                        O(CURLOPT_MAXCONNECTS) O(CURLOPT_MAXFILESIZE) O(CURLOPT_MAXFILESIZE_LARGE) O(CURLOPT_MAXLIFETIME_CONN) O(CURLOPT_MAXREDIRS) O(CURLOPT_MAX_RECV_SPEED_LARGE) O(CURLOPT_MAX_SEND_SPEED_LARGE) O(CURLOPT_MIMEPOST) O(CURLOPT_MIME_OPTIONS) O(CURLOPT_NETRC) O(CURLOPT_NETRC_FILE) O(CURLOPT_NEW_DIRECTORY_PERMS) O(CURLOPT_NEW_FILE_PERMS) O(CURLOPT_NOBODY) O(CURLOPT_NOPROGRESS) O(CURLOPT_NOPROXY) O(CURLOPT_NOSIGNAL) O(CURLOPT_OBSOLETE40) O(CURLOPT_OBSOLETE72) O(CURLOPT_OPENSOCKETDATA) O(CURLOPT_OPENSOCKETFUNCTION) O(
                                                                            CURLOPT_PASSWORD) O(CURLOPT_PATH_AS_IS)
                                                                            O(CURLOPT_PINNEDPUBLICKEY) O(CURLOPT_PIPEWAIT) O(CURLOPT_PORT) O(CURLOPT_POST) O(CURLOPT_POSTFIELDS) O(CURLOPT_POSTFIELDSIZE) O(
                                                                                CURLOPT_POSTFIELDSIZE_LARGE) O(CURLOPT_POSTQUOTE) O(CURLOPT_POSTREDIR) O(CURLOPT_PREQUOTE) O(CURLOPT_PREREQDATA) O(CURLOPT_PREREQFUNCTION) O(CURLOPT_PRE_PROXY) O(CURLOPT_PRIVATE) O(CURLOPT_PROTOCOLS_STR) O(CURLOPT_PROXY) O(CURLOPT_PROXYAUTH) O(CURLOPT_PROXYHEADER) O(CURLOPT_PROXYPASSWORD) O(CURLOPT_PROXYPORT) O(CURLOPT_PROXYTYPE) O(CURLOPT_PROXYUSERNAME) O(CURLOPT_PROXYUSERPWD)
                                                                                O(
                                                                                    CURLOPT_PROXY_CAINFO) O(CURLOPT_PROXY_CAINFO_BLOB)
                                                                                    O(
                                                                                        CURLOPT_PROXY_CAPATH) O(CURLOPT_PROXY_CRLFILE)
                                                                                        O(CURLOPT_PROXY_ISSUERCERT)
                                                                                            O(CURLOPT_PROXY_ISSUERCERT_BLOB) O(
                                                                                                CURLOPT_PROXY_KEYPASSWD)
                                                                                                O(CURLOPT_PROXY_PINNEDPUBLICKEY) O(
                                                                                                    CURLOPT_PROXY_SERVICE_NAME)
                                                                                                    O(CURLOPT_PROXY_SSLCERT)
                                                                                                        O(CURLOPT_PROXY_SSLCERTTYPE)
                                                                                                            O(CURLOPT_PROXY_SSLCERT_BLOB)
                                                                                                                O(CURLOPT_PROXY_SSLKEY)
                                                                                                                    O(CURLOPT_PROXY_SSLKEYTYPE)
                                                                                                                        O(CURLOPT_PROXY_SSLKEY_BLOB)
                                                                                                                            O(CURLOPT_PROXY_SSLVERSION) O(CURLOPT_PROXY_SSL_CIPHER_LIST) O(CURLOPT_PROXY_SSL_OPTIONS) O(CURLOPT_PROXY_SSL_VERIFYHOST) O(CURLOPT_PROXY_SSL_VERIFYPEER) O(CURLOPT_PROXY_TLS13_CIPHERS) O(CURLOPT_PROXY_TLSAUTH_PASSWORD) O(CURLOPT_PROXY_TLSAUTH_TYPE) O(CURLOPT_PROXY_TLSAUTH_USERNAME) O(CURLOPT_PROXY_TRANSFER_MODE) O(CURLOPT_QUICK_EXIT) O(CURLOPT_QUOTE) O(CURLOPT_RANGE) O(CURLOPT_READDATA) O(CURLOPT_READFUNCTION) O(CURLOPT_REDIR_PROTOCOLS_STR) O(CURLOPT_REFERER) O(CURLOPT_REQUEST_TARGET) O(CURLOPT_RESOLVE) O(CURLOPT_RESOLVER_START_DATA) O(CURLOPT_RESOLVER_START_FUNCTION) O(CURLOPT_RESUME_FROM) O(CURLOPT_RESUME_FROM_LARGE) O(CURLOPT_RTSP_CLIENT_CSEQ) O(CURLOPT_RTSP_REQUEST) O(CURLOPT_RTSP_SERVER_CSEQ) O(CURLOPT_RTSP_SESSION_ID) O(CURLOPT_RTSP_STREAM_URI) O(CURLOPT_RTSP_TRANSPORT) O(CURLOPT_SASL_AUTHZID) O(
                                                                                                                                CURLOPT_SASL_IR) O(CURLOPT_SEEKDATA) O(CURLOPT_SEEKFUNCTION) O(CURLOPT_SERVER_RESPONSE_TIMEOUT)
                                                                                                                                O(CURLOPT_SERVICE_NAME) O(
                                                                                                                                    CURLOPT_SHARE)
                                                                                                                                    O(CURLOPT_SOCKOPTDATA) O(
                                                                                                                                        CURLOPT_SOCKOPTFUNCTION)
                                                                                                                                        O(CURLOPT_SOCKS5_AUTH)
                                                                                                                                            O(CURLOPT_SOCKS5_GSSAPI_NEC)
                                                                                                                                                O(CURLOPT_SSH_AUTH_TYPES)
                                                                                                                                                    O(CURLOPT_SSH_COMPRESSION) O(CURLOPT_SSH_HOSTKEYDATA) O(CURLOPT_SSH_HOSTKEYFUNCTION) O(CURLOPT_SSH_HOST_PUBLIC_KEY_MD5) O(CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256) O(CURLOPT_SSH_KEYDATA)
                                                                                                                                                        O(CURLOPT_SSH_KEYFUNCTION)
                                                                                                                                                            O(CURLOPT_SSH_KNOWNHOSTS)
                                                                                                                                                                O(CURLOPT_SSH_PRIVATE_KEYFILE)
                                                                                                                                                                    O(
                                                                                                                                                                        CURLOPT_SSH_PUBLIC_KEYFILE) O(CURLOPT_SSLCERT) O(CURLOPT_SSLCERTTYPE) O(CURLOPT_SSLCERT_BLOB) O(CURLOPT_SSLENGINE) O(CURLOPT_SSLENGINE_DEFAULT)
                                                                                                                                                                        O(CURLOPT_SSLKEY) O(CURLOPT_SSLKEYTYPE) O(CURLOPT_SSLKEY_BLOB) O(CURLOPT_SSLVERSION) O(CURLOPT_SSL_CIPHER_LIST) O(CURLOPT_SSL_CTX_DATA) O(CURLOPT_SSL_CTX_FUNCTION) O(
                                                                                                                                                                            CURLOPT_SSL_EC_CURVES)
                                                                                                                                                                            O(CURLOPT_SSL_ENABLE_ALPN) O(
                                                                                                                                                                                CURLOPT_SSL_FALSESTART)
                                                                                                                                                                                O(CURLOPT_SSL_OPTIONS)
                                                                                                                                                                                    O(CURLOPT_SSL_SESSIONID_CACHE) O(CURLOPT_SSL_VERIFYHOST) O(CURLOPT_SSL_VERIFYPEER) O(
                                                                                                                                                                                        CURLOPT_SSL_VERIFYSTATUS)
                                                                                                                                                                                        O(CURLOPT_STDERR) O(CURLOPT_STREAM_DEPENDS) O(CURLOPT_STREAM_DEPENDS_E) O(CURLOPT_STREAM_WEIGHT) O(CURLOPT_SUPPRESS_CONNECT_HEADERS) O(CURLOPT_TCP_FASTOPEN) O(CURLOPT_TCP_KEEPALIVE) O(CURLOPT_TCP_KEEPIDLE) O(CURLOPT_TCP_KEEPINTVL) O(CURLOPT_TCP_NODELAY) O(CURLOPT_TELNETOPTIONS) O(CURLOPT_TFTP_BLKSIZE) O(CURLOPT_TFTP_NO_OPTIONS) O(CURLOPT_TIMECONDITION) O(CURLOPT_TIMEOUT) O(
                                                                                                                                                                                            CURLOPT_TIMEOUT_MS) O(CURLOPT_TIMEVALUE) O(CURLOPT_TIMEVALUE_LARGE) O(CURLOPT_TLS13_CIPHERS) O(CURLOPT_TLSAUTH_PASSWORD) O(CURLOPT_TLSAUTH_TYPE)
                                                                                                                                                                                            O(CURLOPT_TLSAUTH_USERNAME) O(
                                                                                                                                                                                                CURLOPT_TRAILERDATA)
                                                                                                                                                                                                O(
                                                                                                                                                                                                    CURLOPT_TRAILERFUNCTION) O(CURLOPT_TRANSFERTEXT) O(CURLOPT_TRANSFER_ENCODING) O(CURLOPT_UNIX_SOCKET_PATH) O(CURLOPT_UNRESTRICTED_AUTH) O(CURLOPT_UPKEEP_INTERVAL_MS) O(CURLOPT_UPLOAD) O(CURLOPT_UPLOAD_BUFFERSIZE) O(CURLOPT_URL)
                                                                                                                                                                                                    O(CURLOPT_USERAGENT) O(CURLOPT_USERNAME) O(
                                                                                                                                                                                                        CURLOPT_USERPWD)
                                                                                                                                                                                                        O(
                                                                                                                                                                                                            CURLOPT_USE_SSL) O(CURLOPT_VERBOSE) O(CURLOPT_WILDCARDMATCH) O(CURLOPT_WRITEDATA) O(CURLOPT_WRITEFUNCTION)
                                                                                                                                                                                                            O(CURLOPT_WS_OPTIONS)
                                                                                                                                                                                                                O(CURLOPT_XFERINFODATA) O(CURLOPT_XFERINFOFUNCTION) O(CURLOPT_XOAUTH2_BEARER) O(CURLOPT_ENCODING) O(CURLOPT_FILE) O(CURLOPT_INFILE) O(CURLOPT_WRITEHEADER) O(CURLOPT_WRITEINFO) O(CURLOPT_CLOSEPOLICY) O(
                                                                                                                                                                                                                    CURLOPT_PROGRESSDATA) O(CURLOPT_POST301) O(CURLOPT_SSLKEYPASSWD) O(CURLOPT_FTPAPPEND) O(CURLOPT_FTPLISTONLY) O(CURLOPT_FTP_SSL)
                                                                                                                                                                                                                    O(CURLOPT_SSLCERTPASSWD) O(
                                                                                                                                                                                                                        CURLOPT_KRB4LEVEL)
                                                                                                                                                                                                                        O(CURLOPT_FTP_RESPONSE_TIMEOUT)
                                                                                                                                                                                                                            O(CURLOPT_RTSPHEADER)};

int main(void) {
  size_t i;
  int ok = 0;
  for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
    const char *bare = opts[i].name + strlen("CURLOPT_");
    const struct curl_easyoption *n = curl_easy_option_by_name(bare);
    const struct curl_easyoption *d = curl_easy_option_by_id((CURLoption)opts[i].id);
    printf("%s %ld: by_name %s", opts[i].name, opts[i].id,
           !n                    ? "missing"
           : n->id == opts[i].id ? "same id"
                                 : "OTHER id");
    if (n) printf(" type %d flags %u", (int)n->type, n->flags);
    printf(" by_id %s\n", !d ? "missing" : d->id == opts[i].id ? "same id" : "OTHER id");
    if (n && d && n->id == opts[i].id && d->id == opts[i].id) ok++;
  }
  printf("%d of %d header options agree with the table\n", ok, (int)(sizeof opts / sizeof opts[0]));
  return 0;
}
