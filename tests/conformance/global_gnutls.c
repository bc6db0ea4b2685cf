/* global.c on the GnuTLS flavour (libcurl-gnutls.so.4, symbol version CURL_GNUTLS_3),
 * as pycurl and git load it: curl_global_sslset must accept "gnutls" there. */
#define CONF_GNUTLS_FLAVOUR 1
#include "global.c"
