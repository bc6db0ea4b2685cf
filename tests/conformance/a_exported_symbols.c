/* The exported functions (BEHAVIOUR.md items 134, 135): the library is opened with
 * dlopen("libcurl.so.4") (the one the loader finds: the system's, or mcurl's through
 * LD_LIBRARY_PATH); each of the 91 functions 7.88.1 exports must be found by dlsym and
 * by dlvsym with the version node CURL_OPENSSL_4, at the same address; the version
 * nodes "libcurl.so.4" and "HIDDEN" carry no function, and a few names that are not
 * part of the API (internal helpers of 7.88.1, later additions) are not exported. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

static const char *const names[] = {
    "curl_easy_cleanup",
    "curl_easy_duphandle",
    "curl_easy_escape",
    "curl_easy_getinfo",
    "curl_easy_header",
    "curl_easy_init",
    "curl_easy_nextheader",
    "curl_easy_option_by_id",
    "curl_easy_option_by_name",
    "curl_easy_option_next",
    "curl_easy_pause",
    "curl_easy_perform",
    "curl_easy_recv",
    "curl_easy_reset",
    "curl_easy_send",
    "curl_easy_setopt",
    "curl_easy_strerror",
    "curl_easy_unescape",
    "curl_easy_upkeep",
    "curl_escape",
    "curl_formadd",
    "curl_formfree",
    "curl_formget",
    "curl_free",
    "curl_getdate",
    "curl_getenv",
    "curl_global_cleanup",
    "curl_global_init",
    "curl_global_init_mem",
    "curl_global_sslset",
    "curl_maprintf",
    "curl_mfprintf",
    "curl_mime_addpart",
    "curl_mime_data",
    "curl_mime_data_cb",
    "curl_mime_encoder",
    "curl_mime_filedata",
    "curl_mime_filename",
    "curl_mime_free",
    "curl_mime_headers",
    "curl_mime_init",
    "curl_mime_name",
    "curl_mime_subparts",
    "curl_mime_type",
    "curl_mprintf",
    "curl_msnprintf",
    "curl_msprintf",
    "curl_multi_add_handle",
    "curl_multi_assign",
    "curl_multi_cleanup",
    "curl_multi_fdset",
    "curl_multi_info_read",
    "curl_multi_init",
    "curl_multi_perform",
    "curl_multi_poll",
    "curl_multi_remove_handle",
    "curl_multi_setopt",
    "curl_multi_socket",
    "curl_multi_socket_action",
    "curl_multi_socket_all",
    "curl_multi_strerror",
    "curl_multi_timeout",
    "curl_multi_wait",
    "curl_multi_wakeup",
    "curl_mvaprintf",
    "curl_mvfprintf",
    "curl_mvprintf",
    "curl_mvsnprintf",
    "curl_mvsprintf",
    "curl_pushheader_byname",
    "curl_pushheader_bynum",
    "curl_share_cleanup",
    "curl_share_init",
    "curl_share_setopt",
    "curl_share_strerror",
    "curl_slist_append",
    "curl_slist_free_all",
    "curl_strequal",
    "curl_strnequal",
    "curl_unescape",
    "curl_url",
    "curl_url_cleanup",
    "curl_url_dup",
    "curl_url_get",
    "curl_url_set",
    "curl_url_strerror",
    "curl_version",
    "curl_version_info",
    "curl_ws_meta",
    "curl_ws_recv",
    "curl_ws_send",
};

static const char *const absent[] = {
    "Curl_open",
    "Curl_close",
    "curl_dofree",
    "Curl_infof",
    "curl_easy_ssls_import",
    "curl_easy_ssls_export",
    "curl_global_trace",
    "curl_multi_get_handles",
    "curl_multi_waitfds",
    "curl_ws_start_frame",
    "curl_multi_notify_enable",
    "curl_easy_init2",
    "curl_url_set_all",
};

int main(void) {
  void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  size_t i;
  int found = 0, versioned = 0, same = 0;
  if (!lib) {
    printf("dlopen failed\n");
    return 1;
  }
  for (i = 0; i < sizeof names / sizeof names[0]; i++) {
    void *p = dlsym(lib, names[i]);
    void *v = dlvsym(lib, names[i], "CURL_OPENSSL_4");
    if (p) found++;
    if (v) versioned++;
    if (p && p == v) same++;
    if (!p || !v || p != v)
      printf("%s: dlsym %s dlvsym(CURL_OPENSSL_4) %s\n", names[i], p ? "found" : "missing",
             v ? (v == p ? "same" : "different") : "missing");
    if (dlvsym(lib, names[i], "HIDDEN") || dlvsym(lib, names[i], "libcurl.so.4"))
      printf("%s: also under another version node\n", names[i]);
  }
  printf("%d functions: %d found, %d with CURL_OPENSSL_4, %d at the same address\n",
         (int)(sizeof names / sizeof names[0]), found, versioned, same);
  for (i = 0; i < sizeof absent / sizeof absent[0]; i++)
    printf("%s: %s\n", absent[i], dlsym(lib, absent[i]) ? "exported" : "not exported");
  dlclose(lib);
  return 0;
}
