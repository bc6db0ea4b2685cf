/* Content-Transfer-Encoding as 7.88.1 writes it: base64 at every length 0..7 and across
 * the 76-column line limit, quoted-printable (a body of unknown size: chunked, with
 * Expect: 100-continue) over blanks before line ends, '=', lone CR and LF, CRLF pairs,
 * bytes above 0x7e, long lines and lines exactly 76 columns long, 8bit, 7bit and binary
 * (no header), encoders on file and data_cb parts (the callback asked for at most 256
 * bytes at a time behind an encoder), names in any case, unknown names refused, and
 * curl_mime_encoder(part, NULL) removing the encoder. Forms (issue 7). */
/* server: scripts/f_mime_encoders.script */
#include "f_common.h"

static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  int *left = arg;
  size_t i;
  (void)size;
  printf("read asked %zu\n", n);
  if (n > (size_t)*left) n = (size_t)*left;
  for (i = 0; i < n; i++) buf[i] = (char)('a' + (*left - (int)i) % 26);
  *left -= (int)n;
  return n;
}

static void add(curl_mime *m, const char *name, const char *enc, const char *data, size_t len) {
  curl_mimepart *p = curl_mime_addpart(m);
  curl_mime_name(p, name);
  printf("encoder %s: %d\n", enc ? enc : "NULL", curl_mime_encoder(p, enc));
  curl_mime_data(p, data, len);
}

int main(int argc, char **argv) {
  CURL *e;
  curl_mime *m;
  curl_mimepart *p;
  char big[400];
  char qp[] =
      "trailing space \r\ntrailing tab\t\r\nequals = sign\rlone cr\nlone lf\r\n"
      "high \xe9\xff bytes\r\n"
      "a line that is exactly seventy-six characters long, which is the limit!!\r\n"
      "a line that is far longer than seventy-six characters so that it needs a soft"
      " line break somewhere in the middle of it, maybe two of them even\r\n"
      "ends with a blank ";
  int i, left;
  const char *file;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < (int)sizeof big; i++) big[i] = (char)(i * 7 + 3);
  file = f_file("enc.bin", big, 300);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/enc"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);

  /* 1: base64 (sizes known) */
  m = curl_mime_init(e);
  for (i = 0; i <= 7; i++) {
    char name[16];
    snprintf(name, sizeof name, "b64_%d", i);
    add(m, name, "base64", "abcdefg", (size_t)i);
  }
  add(m, "b64_57", "BASE64", big, 57);
  add(m, "b64_58", "base64", big, 58);
  add(m, "b64_400", "base64", big, sizeof big);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "b64_file");
  curl_mime_encoder(p, "base64");
  curl_mime_filedata(p, file);
  add(m, "8bit", "8bit", "caf\xc3\xa9", 5);
  add(m, "7bit", "7bit", "plain ascii", 11);
  add(m, "binary", "binary", "\x00\x01\xff", 3);
  add(m, "removed", NULL, "none", 4);
  printf("unknown encoder: %d\n", curl_mime_encoder(p, "gzip"));
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "base64");
  curl_mime_free(m);

  /* 2: quoted-printable (size unknown) */
  m = curl_mime_init(e);
  add(m, "qp", "quoted-printable", qp, sizeof qp - 1);
  add(m, "qp_eq_end", "quoted-printable", "x=", 2);
  add(m, "qp_75", "quoted-printable",
      "123456789012345678901234567890123456789012345678901234567890123456789012345=", 76);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "quoted-printable");
  curl_mime_free(m);

  /* 3: base64 over a data_cb part of known size */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "cb64");
  curl_mime_encoder(p, "base64");
  left = 600;
  curl_mime_data_cb(p, 600, cb_read, NULL, NULL, &left);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "callback base64");
  curl_mime_free(m);

  curl_easy_cleanup(e);
  f_cleanup_files();
  curl_global_cleanup();
  return 0;
}
