/* Misuse that crashes libcurl 7.88.1, answered cleanly by mcurl (mcurl only,
 * self-checking): a NULL multi to curl_multi_socket_action / socket / socket_all /
 * assign (CURLM_BAD_HANDLE), a NULL running_handles. BEHAVIOUR.md items 7, 59. */
/* mcurl-only */
#include <stdio.h>

#include "support/conf.h"

#define EXPECT(what, got, want)                                                    \
  do {                                                                             \
    int g_ = (int)(got);                                                           \
    printf("%s%s = %d (want %d)\n", g_ == (want) ? "" : "FAIL: ", what, g_, want); \
  } while (0)

int main(int argc, char **argv) {
  CURLM *m;
  int running = -5;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  EXPECT("socket_action(NULL)", curl_multi_socket_action(NULL, CURL_SOCKET_TIMEOUT, 0, &running),
         CURLM_BAD_HANDLE);
  EXPECT("socket(NULL)", curl_multi_socket(NULL, CURL_SOCKET_TIMEOUT, &running), CURLM_BAD_HANDLE);
  EXPECT("socket_all(NULL)", curl_multi_socket_all(NULL, &running), CURLM_BAD_HANDLE);
  EXPECT("assign(NULL)", curl_multi_assign(NULL, 3, NULL), CURLM_BAD_HANDLE);
  m = curl_multi_init();
  EXPECT("socket_action(running NULL)", curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, NULL),
         CURLM_OK);
  EXPECT("socket_all(running NULL)", curl_multi_socket_all(m, NULL), CURLM_OK);
  EXPECT("multi cleanup", curl_multi_cleanup(m), CURLM_OK);
  curl_global_cleanup();
  return 0;
}
