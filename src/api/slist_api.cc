// curl_slist_append, curl_slist_free_all and curl_free.
//
// Lists and strings handed to the application are allocated with the curl_global_init_mem
// hooks (util/alloc.h), because the application releases them through us or, for lists
// it walks itself, may free them with the same hooks.
#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/alloc.h"

extern "C" {

MCURL_EXPORT struct curl_slist* curl_slist_append(struct curl_slist* list, const char* data) {
  return mcurl::api::guarded<curl_slist*>([&]() -> curl_slist* {
    // 7.88.1 copies the string and returns NULL (leaving `list` untouched) on failure.
    if (data == nullptr) return nullptr;
    char* copy = mcurl::alloc::strdup(data);
    if (copy == nullptr) return nullptr;
    auto* node = static_cast<curl_slist*>(mcurl::alloc::malloc(sizeof(curl_slist)));
    if (node == nullptr) {
      mcurl::alloc::free(copy);
      return nullptr;
    }
    node->data = copy;
    node->next = nullptr;
    if (list == nullptr) return node;
    curl_slist* last = list;
    while (last->next != nullptr) last = last->next;
    last->next = node;
    return list;
  });
}
MCURL_SYMVER(curl_slist_append);

MCURL_EXPORT void curl_slist_free_all(struct curl_slist* list) {
  while (list != nullptr) {
    curl_slist* next = list->next;
    mcurl::alloc::free(list->data);
    mcurl::alloc::free(list);
    list = next;
  }
}
MCURL_SYMVER(curl_slist_free_all);

MCURL_EXPORT void curl_free(void* p) { mcurl::alloc::free(p); }
MCURL_SYMVER(curl_free);

}  // extern "C"
