/* The public structs as the library fills them: sizeof and offsetof of every member
 * (from the system's headers, the same in both runs) and, for each struct the API hands
 * out or fills in, the values read back through that layout: curl_slist from
 * curl_slist_append, CURLMsg from curl_multi_info_read, curl_waitfd.revents from
 * curl_multi_wait, curl_easyoption from curl_easy_option_next, curl_header from
 * curl_easy_header, curl_version_info_data, curl_sockaddr in the opensocket callback,
 * curl_tlssessioninfo and curl_certinfo from getinfo, curl_blob through setopt,
 * curl_httppost from curl_formadd (not compared: forms are out of mcurl's scope);
 * curl_header.origin carries 7.88.1's extra bit 27; curl_fileinfo, curl_khkey, curl_ws_frame and
 * curl_forms by layout only. ABI checks of the foundation issue as a conformance case. */
/* server: scripts/get_200.script */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/conf.h"

#define SZ(t) printf("sizeof(%s) = %lu\n", #t, (unsigned long)sizeof(t))
#define OFF(t, m) printf("  offsetof(%s, %s) = %lu\n", #t, #m, (unsigned long)offsetof(t, m))

static void layouts(void) {
  SZ(struct curl_slist);
  OFF(struct curl_slist, data);
  OFF(struct curl_slist, next);
  SZ(CURLMsg);
  OFF(CURLMsg, msg);
  OFF(CURLMsg, easy_handle);
  OFF(CURLMsg, data);
  SZ(struct curl_waitfd);
  OFF(struct curl_waitfd, fd);
  OFF(struct curl_waitfd, events);
  OFF(struct curl_waitfd, revents);
  SZ(struct curl_easyoption);
  OFF(struct curl_easyoption, name);
  OFF(struct curl_easyoption, id);
  OFF(struct curl_easyoption, type);
  OFF(struct curl_easyoption, flags);
  SZ(struct curl_header);
  OFF(struct curl_header, name);
  OFF(struct curl_header, value);
  OFF(struct curl_header, amount);
  OFF(struct curl_header, index);
  OFF(struct curl_header, origin);
  OFF(struct curl_header, anchor);
  SZ(curl_version_info_data);
  OFF(curl_version_info_data, age);
  OFF(curl_version_info_data, version);
  OFF(curl_version_info_data, version_num);
  OFF(curl_version_info_data, host);
  OFF(curl_version_info_data, features);
  OFF(curl_version_info_data, ssl_version);
  OFF(curl_version_info_data, protocols);
  OFF(curl_version_info_data, ares_num);
  OFF(curl_version_info_data, iconv_ver_num);
  OFF(curl_version_info_data, brotli_ver_num);
  OFF(curl_version_info_data, nghttp2_ver_num);
  OFF(curl_version_info_data, cainfo);
  OFF(curl_version_info_data, zstd_ver_num);
  OFF(curl_version_info_data, gsasl_version);
  OFF(curl_version_info_data, feature_names);
  SZ(struct curl_blob);
  OFF(struct curl_blob, data);
  OFF(struct curl_blob, len);
  OFF(struct curl_blob, flags);
  SZ(struct curl_sockaddr);
  OFF(struct curl_sockaddr, family);
  OFF(struct curl_sockaddr, socktype);
  OFF(struct curl_sockaddr, protocol);
  OFF(struct curl_sockaddr, addrlen);
  OFF(struct curl_sockaddr, addr);
  SZ(struct curl_fileinfo);
  OFF(struct curl_fileinfo, filename);
  OFF(struct curl_fileinfo, filetype);
  OFF(struct curl_fileinfo, time);
  OFF(struct curl_fileinfo, perm);
  OFF(struct curl_fileinfo, size);
  OFF(struct curl_fileinfo, flags);
  OFF(struct curl_fileinfo, strings);
  OFF(struct curl_fileinfo, b_data);
  OFF(struct curl_fileinfo, b_size);
  OFF(struct curl_fileinfo, b_used);
  SZ(struct curl_tlssessioninfo);
  OFF(struct curl_tlssessioninfo, backend);
  OFF(struct curl_tlssessioninfo, internals);
  SZ(struct curl_ws_frame);
  OFF(struct curl_ws_frame, age);
  OFF(struct curl_ws_frame, flags);
  OFF(struct curl_ws_frame, offset);
  OFF(struct curl_ws_frame, bytesleft);
  OFF(struct curl_ws_frame, len);
  SZ(struct curl_khkey);
  OFF(struct curl_khkey, key);
  OFF(struct curl_khkey, len);
  OFF(struct curl_khkey, keytype);
  SZ(struct curl_certinfo);
  OFF(struct curl_certinfo, num_of_certs);
  OFF(struct curl_certinfo, certinfo);
  SZ(struct curl_forms);
  OFF(struct curl_forms, option);
  OFF(struct curl_forms, value);
  SZ(struct curl_httppost);
  OFF(struct curl_httppost, next);
  OFF(struct curl_httppost, name);
  OFF(struct curl_httppost, namelength);
  OFF(struct curl_httppost, contents);
  OFF(struct curl_httppost, contentslength);
  OFF(struct curl_httppost, buffer);
  OFF(struct curl_httppost, bufferlength);
  OFF(struct curl_httppost, contenttype);
  OFF(struct curl_httppost, contentheader);
  OFF(struct curl_httppost, more);
  OFF(struct curl_httppost, flags);
  OFF(struct curl_httppost, showfilename);
  OFF(struct curl_httppost, userp);
  OFF(struct curl_httppost, contentlen);
}

static curl_socket_t opener(void *u, curlsocktype purpose, struct curl_sockaddr *a) {
  (void)u;
  printf("curl_sockaddr: purpose=%d family=%d socktype=%d protocol=%d addrlen=%u sa_family=%d\n",
         (int)purpose, a->family, a->socktype, a->protocol, a->addrlen, a->addr.sa_family);
  return socket(a->family, a->socktype, a->protocol);
}

int main(int argc, char **argv) {
  struct curl_slist *l = NULL;
  const struct curl_easyoption *o;
  const curl_version_info_data *v;
  struct curl_header *h = NULL;
  struct curl_tlssessioninfo *ti = NULL;
  struct curl_certinfo *ci = NULL;
  struct curl_blob blob;
  struct curl_httppost *post = NULL, *last = NULL;
  struct curl_waitfd wfd;
  CURLM *m;
  CURLMsg *msg;
  conf_xfer *x;
  int n, running = 1, i, pfd[2];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  layouts();

  l = curl_slist_append(l, "one");
  l = curl_slist_append(l, "two");
  printf("curl_slist: [%s] -> [%s] -> %s\n", l->data, l->next->data,
         l->next->next ? "more" : "NULL");
  curl_slist_free_all(l);

  o = curl_easy_option_next(NULL);
  printf("curl_easyoption first: %s id=%d type=%d flags=%u\n", o->name, (int)o->id, (int)o->type,
         o->flags);
  v = curl_version_info(CURLVERSION_NOW);
  printf("curl_version_info_data: age=%d version_num=0x%x\n", (int)v->age, v->version_num);

  m = curl_multi_init();
  x = conf_xfer_new("e1", conf_url("/layout"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_OPENSOCKETFUNCTION, opener);
  blob.data = (void *)"not a certificate";
  blob.len = 17;
  blob.flags = CURL_BLOB_COPY;
  printf("setopt blob=%d\n", (int)curl_easy_setopt(x->easy, CURLOPT_ISSUERCERT_BLOB, &blob));
  blob.data = NULL; /* copied: the library must not look at it again */
  curl_multi_add_handle(m, x->easy);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  msg = curl_multi_info_read(m, &n);
  printf("CURLMsg: msg=%d easy=%s result=%d left=%d\n", msg ? (int)msg->msg : -1,
         msg && msg->easy_handle == x->easy ? "ours" : "other", msg ? (int)msg->data.result : -1,
         n);
  printf("curl_easy_header=%d", (int)curl_easy_header(x->easy, "x-test", 0, CURLH_HEADER, -1, &h));
  if (h)
    printf(" name=%s value=%s amount=%lu index=%lu origin=%u\n", h->name, h->value,
           (unsigned long)h->amount, (unsigned long)h->index, h->origin);
  else
    printf("\n");
  printf("getinfo TLS_SSL_PTR=%d", (int)curl_easy_getinfo(x->easy, CURLINFO_TLS_SSL_PTR, &ti));
  if (ti) printf(" backend=%d internals=%s", (int)ti->backend, ti->internals ? "set" : "NULL");
  printf("\n");
  printf("getinfo CERTINFO=%d", (int)curl_easy_getinfo(x->easy, CURLINFO_CERTINFO, &ci));
  if (ci) printf(" num_of_certs=%d certinfo=%s", ci->num_of_certs, ci->certinfo ? "set" : "NULL");
  printf("\n");
  curl_multi_remove_handle(m, x->easy);

  if (pipe(pfd) == 0) {
    wfd.fd = pfd[1];
    wfd.events = CURL_WAIT_POLLOUT | CURL_WAIT_POLLIN;
    wfd.revents = 0x4000;
    printf("curl_waitfd: wait=%d", (int)curl_multi_wait(m, &wfd, 1, 0, &n));
    printf(" numfds=%d revents=0x%x\n", n, (unsigned)wfd.revents);
    close(pfd[0]);
    close(pfd[1]);
  }
  /* The form API is out of mcurl's scope (CURL_FORMADD_DISABLED is allowed): '~'. */
  printf("~formadd=%d", (int)curl_formadd(&post, &last, CURLFORM_COPYNAME, "field",
                                          CURLFORM_COPYCONTENTS, "value", CURLFORM_END));
  if (post)
    printf(" name=%s namelength=%ld contents=%s contentslength=%ld next=%s more=%s same=%s\n",
           post->name, post->namelength, post->contents, post->contentslength,
           post->next ? "set" : "NULL", post->more ? "set" : "NULL", post == last ? "yes" : "no");
  else
    printf("\n");
  curl_formfree(post);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
