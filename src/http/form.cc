// The form API: see form.h. The answers were measured against libcurl 7.88.1
// (tests/conformance/f_formadd_errors.c, f_formget.c).
// Tests: tests/unit/http/mime_test.cc (Form*)
#include "http/form.h"

#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace mcurl {
namespace {

// An entry as handed to the application: the public struct first, then the copies the
// public pointers point into.
struct FormEntry {
  curl_httppost pub{};
  std::string name, contents, contenttype, showfilename;
};

FormEntry* entry_of(curl_httppost* p) { return reinterpret_cast<FormEntry*>(p); }

// What one curl_formadd call collects for one entry (several with CURLFORM_FILE twice).
struct Info {
  const char* name = nullptr;
  std::size_t namelength = 0;
  const char* value = nullptr;
  std::string value_copy;  // FILE / FILECONTENT paths
  bool value_copied = false;
  curl_off_t contentslength = 0;
  const char* buffer = nullptr;
  std::size_t bufferlength = 0;
  const char* contenttype = nullptr;
  std::string contenttype_copy;
  curl_slist* contentheader = nullptr;
  const char* showfilename = nullptr;
  std::string showfilename_copy;
  void* userp = nullptr;
  long flags = 0;
};

// Reads the next option and its value from the call's arguments or from an array.
class Args {
 public:
  explicit Args(std::va_list* ap) : ap_(ap) {}
  // Returns false with *code set when the option list is bad.
  bool next(CURLformoption* opt, CURLFORMcode* code) {
    for (;;) {
      if (array_ != nullptr) {
        *opt = array_->option;
        value_ = array_->value;
        ++array_;
        if (*opt == CURLFORM_END) {
          array_ = nullptr;  // back to the call's arguments
          continue;
        }
      } else {
        *opt = static_cast<CURLformoption>(va_arg(*ap_, int));
        if (*opt == CURLFORM_END) return true;
      }
      if (*opt != CURLFORM_ARRAY) return true;
      if (array_ != nullptr) {
        *code = CURL_FORMADD_ILLEGAL_ARRAY;
        return false;
      }
      array_ = va_arg(*ap_, struct curl_forms*);
      if (array_ == nullptr) {
        *code = CURL_FORMADD_INCOMPLETE;
        return false;
      }
    }
  }
  bool in_array() const noexcept { return array_ != nullptr; }
  const char* str() { return in_array() ? value_ : va_arg(*ap_, char*); }
  void* ptr() { return in_array() ? const_cast<char*>(value_) : va_arg(*ap_, void*); }
  long lng() {
    return in_array() ? static_cast<long>(reinterpret_cast<std::size_t>(value_))
                      : va_arg(*ap_, long);
  }
  curl_off_t off() {
    return in_array() ? static_cast<curl_off_t>(reinterpret_cast<std::size_t>(value_))
                      : va_arg(*ap_, curl_off_t);
  }

 private:
  std::va_list* ap_;
  const curl_forms* array_ = nullptr;
  const char* value_ = nullptr;
};

}  // namespace

// Tests: FormAdd.*
CURLFORMcode form_add(curl_httppost** first, curl_httppost** last, std::va_list* ap) {
  std::vector<std::unique_ptr<Info>> infos;
  infos.push_back(std::make_unique<Info>());
  Info* cur = infos.back().get();
  Args args(ap);
  CURLFORMcode rc = CURL_FORMADD_OK;
  // The entry a FILE or CONTENTTYPE value goes to: given again on a file entry, it starts
  // the field's next file (a new entry); again on any other entry it is an error.
  // nullptr (with rc set) when the value is refused.
  auto file_entry = [&](bool given_before, const char* value) -> Info* {
    if (given_before && (cur->flags & CURL_HTTPPOST_FILENAME) == 0) {
      rc = CURL_FORMADD_OPTION_TWICE;
      return nullptr;
    }
    if (value == nullptr) {
      rc = CURL_FORMADD_NULL;
      return nullptr;
    }
    if (given_before) {
      infos.push_back(std::make_unique<Info>());
      cur = infos.back().get();
      cur->flags = CURL_HTTPPOST_FILENAME;
    }
    return cur;
  };
  // NAME and CONTENTS: a second one is an error, a NULL string too (the argument is read
  // only when the field is still unset, as 7.88.1 reads it).
  auto set_once = [&](const char*& field) {
    if (field != nullptr) {
      rc = CURL_FORMADD_OPTION_TWICE;
      return;
    }
    const char* s = args.str();
    if (s == nullptr) {
      rc = CURL_FORMADD_NULL;
    } else {
      field = s;
    }
  };
  CURLformoption opt;
  while (rc == CURL_FORMADD_OK) {
    if (!args.next(&opt, &rc)) break;
    if (opt == CURLFORM_END) break;
    switch (opt) {
      case CURLFORM_PTRNAME:
      case CURLFORM_COPYNAME: {
        if (opt == CURLFORM_PTRNAME) cur->flags |= CURL_HTTPPOST_PTRNAME;
        set_once(cur->name);
        break;
      }
      case CURLFORM_NAMELENGTH:
        if (cur->namelength != 0) {
          rc = CURL_FORMADD_OPTION_TWICE;
        } else {
          cur->namelength = static_cast<std::size_t>(args.lng());
        }
        break;
      case CURLFORM_PTRCONTENTS:
      case CURLFORM_COPYCONTENTS: {
        if (opt == CURLFORM_PTRCONTENTS) cur->flags |= CURL_HTTPPOST_PTRCONTENTS;
        set_once(cur->value);
        break;
      }
      case CURLFORM_CONTENTSLENGTH:
        cur->contentslength = static_cast<curl_off_t>(static_cast<std::size_t>(args.lng()));
        break;
      case CURLFORM_CONTENTLEN:
        cur->flags |= CURL_HTTPPOST_LARGE;
        cur->contentslength = args.off();
        break;
      case CURLFORM_FILECONTENT: {
        if ((cur->flags & (CURL_HTTPPOST_PTRCONTENTS | CURL_HTTPPOST_READFILE)) != 0) {
          rc = CURL_FORMADD_OPTION_TWICE;
          break;
        }
        const char* s = args.str();
        if (s == nullptr) {
          rc = CURL_FORMADD_NULL;
        } else {
          cur->value_copy = s;
          cur->value = cur->value_copy.c_str();
          cur->value_copied = true;
          cur->flags |= CURL_HTTPPOST_READFILE;
        }
        break;
      }
      case CURLFORM_FILE: {
        const char* s = args.str();
        if (Info* e = file_entry(cur->value != nullptr, s)) {
          e->value_copy = s;
          e->value = e->value_copy.c_str();
          e->value_copied = true;
          e->flags |= CURL_HTTPPOST_FILENAME;
        }
        break;
      }
      case CURLFORM_BUFFERPTR: {
        cur->flags |= CURL_HTTPPOST_PTRBUFFER | CURL_HTTPPOST_BUFFER;
        if (cur->buffer != nullptr) {
          rc = CURL_FORMADD_OPTION_TWICE;
          break;
        }
        const char* s = args.str();
        if (s == nullptr) {
          rc = CURL_FORMADD_NULL;
        } else {
          cur->buffer = s;
          cur->value = s;  // an entry needs a value to be complete
        }
        break;
      }
      case CURLFORM_BUFFERLENGTH:
        if (cur->bufferlength != 0) {
          rc = CURL_FORMADD_OPTION_TWICE;
        } else {
          cur->bufferlength = static_cast<std::size_t>(args.lng());
        }
        break;
      case CURLFORM_STREAM:
        cur->flags |= CURL_HTTPPOST_CALLBACK;
        if (cur->userp != nullptr) {
          rc = CURL_FORMADD_OPTION_TWICE;
        } else {
          cur->userp = args.ptr();
          cur->value = static_cast<const char*>(cur->userp);
        }
        break;
      case CURLFORM_CONTENTTYPE: {
        const char* s = args.str();
        if (Info* e = file_entry(cur->contenttype != nullptr, s)) {
          e->contenttype_copy = s;
          e->contenttype = e->contenttype_copy.c_str();
        }
        break;
      }
      case CURLFORM_CONTENTHEADER: {
        auto* list = static_cast<curl_slist*>(args.ptr());
        if (cur->contentheader != nullptr) {
          rc = CURL_FORMADD_OPTION_TWICE;
        } else {
          cur->contentheader = list;
        }
        break;
      }
      case CURLFORM_FILENAME:
      case CURLFORM_BUFFER: {
        const char* s = args.str();
        if (cur->showfilename != nullptr) {
          rc = CURL_FORMADD_OPTION_TWICE;
        } else if (s == nullptr) {
          rc = CURL_FORMADD_NULL;
        } else {
          cur->showfilename_copy = s;
          cur->showfilename = cur->showfilename_copy.c_str();
        }
        break;
      }
      default:
        rc = CURL_FORMADD_UNKNOWN_OPTION;
        break;
    }
  }
  if (rc != CURL_FORMADD_OK) return rc;

  // Check every entry, then build them all (nothing is added when one is bad).
  const char* prevtype = nullptr;
  for (std::size_t i = 0; i < infos.size(); ++i) {
    Info& f = *infos[i];
    if (((f.name == nullptr || f.value == nullptr) && i == 0) ||
        (f.contentslength != 0 && (f.flags & CURL_HTTPPOST_FILENAME) != 0) ||
        ((f.flags & CURL_HTTPPOST_FILENAME) != 0 && (f.flags & CURL_HTTPPOST_PTRCONTENTS) != 0) ||
        (f.buffer == nullptr && (f.flags & CURL_HTTPPOST_BUFFER) != 0 &&
         (f.flags & CURL_HTTPPOST_PTRBUFFER) != 0) ||
        ((f.flags & CURL_HTTPPOST_READFILE) != 0 && (f.flags & CURL_HTTPPOST_PTRCONTENTS) != 0)) {
      return CURL_FORMADD_INCOMPLETE;
    }
    if ((f.flags & (CURL_HTTPPOST_FILENAME | CURL_HTTPPOST_BUFFER)) != 0 &&
        f.contenttype == nullptr) {
      // A file's type from its name, else the previous file's, else octet-stream.
      const char* fname = (f.flags & CURL_HTTPPOST_BUFFER) != 0 ? f.showfilename : f.value;
      const char* type = fname != nullptr ? mime_type_for_filename(fname) : nullptr;
      if (type == nullptr) type = prevtype;
      if (type == nullptr) type = "application/octet-stream";
      f.contenttype_copy = type;
      f.contenttype = f.contenttype_copy.c_str();
    }
    if (f.name != nullptr && f.namelength != 0 && std::memchr(f.name, 0, f.namelength) != nullptr) {
      return CURL_FORMADD_NULL;  // a name may not contain NUL bytes
    }
    if (f.contenttype != nullptr) prevtype = f.contenttype;
  }

  std::vector<std::unique_ptr<FormEntry>> made;
  for (std::size_t i = 0; i < infos.size(); ++i) {
    Info& f = *infos[i];
    auto e = std::make_unique<FormEntry>();
    curl_httppost& p = e->pub;
    if (f.name != nullptr) {
      std::size_t nl = f.namelength != 0 ? f.namelength : std::strlen(f.name);
      if ((f.flags & CURL_HTTPPOST_PTRNAME) == 0 && i == 0) {
        e->name.assign(f.name, nl);
        p.name = e->name.data();
      } else {
        p.name = const_cast<char*>(f.name);
      }
      p.namelength = static_cast<long>(nl);
    }
    if (f.value_copied) {
      e->contents = f.value_copy;
      p.contents = e->contents.data();
    } else if ((f.flags & (CURL_HTTPPOST_PTRCONTENTS | CURL_HTTPPOST_PTRBUFFER |
                           CURL_HTTPPOST_CALLBACK)) == 0 &&
               f.value != nullptr) {
      // A copy of the contents, which may hold NULs when a length was given.
      std::size_t n = f.contentslength != 0 ? static_cast<std::size_t>(f.contentslength)
                                            : std::strlen(f.value) + 1;
      e->contents.assign(f.value, n);
      p.contents = e->contents.data();
    } else {
      p.contents = const_cast<char*>(f.value);
    }
    p.contentlen = f.contentslength;
    p.buffer = const_cast<char*>(f.buffer);
    p.bufferlength = static_cast<long>(f.bufferlength);
    if (f.contenttype != nullptr) {
      e->contenttype = f.contenttype;
      p.contenttype = e->contenttype.data();
    }
    p.contentheader = f.contentheader;
    if (f.showfilename != nullptr) {
      e->showfilename = f.showfilename;
      p.showfilename = e->showfilename.data();
    }
    p.userp = f.userp;
    p.flags = f.flags | CURL_HTTPPOST_LARGE;
    made.push_back(std::move(e));
  }
  // Commit: nothing below can fail.
  curl_httppost* head = &made[0]->pub;
  for (std::size_t i = 1; i < made.size(); ++i) made[i - 1]->pub.more = &made[i]->pub;
  if (*last != nullptr) {
    (*last)->next = head;
  } else {
    *first = head;
  }
  *last = head;
  for (auto& e : made) e.release();
  return CURL_FORMADD_OK;
}

void form_free(curl_httppost* post) noexcept {
  while (post != nullptr) {
    curl_httppost* next = post->next;
    form_free(post->more);
    delete entry_of(post);
    post = next;
  }
}

namespace {

// CURLFORM_FILE "-": standard input, which can seek when it is a file.
int seek_stdin(void* arg, curl_off_t offset, int origin) {
  return fseeko(static_cast<FILE*>(arg), static_cast<off_t>(offset), origin) == 0
             ? CURL_SEEKFUNC_OK
             : CURL_SEEKFUNC_CANTSEEK;
}

size_t read_stdin(char* buf, size_t size, size_t n, void* arg) {
  return std::fread(buf, size, n, static_cast<FILE*>(arg));
}

}  // namespace

// Tests: FormToMime.*
std::unique_ptr<Mime> mime_from_form(const curl_httppost* post, void* easy, curl_read_callback read,
                                     CURLcode* result) {
  *result = CURLE_OK;
  auto mime = std::make_unique<Mime>(easy);
  for (; post != nullptr; post = post->next) {
    MimePart* part = mime->add_part();
    Mime* files = nullptr;
    if (post->more != nullptr) {
      auto sub = std::make_unique<Mime>(easy);
      files = sub.get();
      if (part->set_subparts(files, true)) sub.release();
    }
    part->set_name(post->name, static_cast<std::size_t>(post->namelength));
    curl_off_t clen =
        (post->flags & CURL_HTTPPOST_LARGE) != 0 ? post->contentlen : post->contentslength;
    for (const curl_httppost* file = post; file != nullptr; file = file->more) {
      if (files != nullptr) part = files->add_part();
      if (file->contenttype != nullptr) part->set_type(file->contenttype);
      part->set_headers(file->contentheader, false);
      CURLcode rc = CURLE_OK;
      if ((post->flags & (CURL_HTTPPOST_FILENAME | CURL_HTTPPOST_READFILE)) != 0) {
        const char* path = file->contents != nullptr ? file->contents : "";
        if (std::strcmp(path, "-") == 0) {
          part->set_callback(-1, read_stdin, seek_stdin, nullptr, stdin);
        } else {
          rc = part->set_file(path);
        }
        if (rc == CURLE_OK && (post->flags & CURL_HTTPPOST_READFILE) != 0)
          part->set_filename(nullptr);
      } else if ((post->flags & CURL_HTTPPOST_BUFFER) != 0) {
        std::size_t n = post->bufferlength != 0 ? static_cast<std::size_t>(post->bufferlength)
                                                : std::strlen(post->buffer);
        part->set_data(post->buffer, n);
      } else if ((post->flags & CURL_HTTPPOST_CALLBACK) != 0) {
        part->set_callback(clen != 0 ? clen : -1, read, nullptr, nullptr, post->userp);
      } else if (post->contents != nullptr) {
        std::size_t n = clen != 0 ? static_cast<std::size_t>(clen) : std::strlen(post->contents);
        part->set_data(post->contents, n);
      }
      if (rc != CURLE_OK) {
        *result = rc;
        return nullptr;
      }
      // The shown file name applies to files, buffers and streams only.
      if (post->showfilename != nullptr &&
          (post->more != nullptr || (post->flags & (CURL_HTTPPOST_FILENAME | CURL_HTTPPOST_BUFFER |
                                                    CURL_HTTPPOST_CALLBACK)) != 0)) {
        part->set_filename(post->showfilename);
      }
    }
  }
  return mime;
}

// Tests: FormGet.*
int form_get(const curl_httppost* post, void* arg, curl_formget_callback append) {
  std::string head = "Content-Type: multipart/form-data";
  std::unique_ptr<Mime> mime;
  if (post != nullptr) {
    CURLcode rc;
    mime = mime_from_form(post, nullptr, nullptr, &rc);
    if (mime == nullptr) return rc;
    head = "Content-Type: " + mime->prepare("multipart/form-data", MimePrepareOptions{});
  }
  head.append("\r\n\r\n");
  if (append(arg, head.data(), head.size()) != head.size()) return CURLE_READ_ERROR;
  if (mime == nullptr) return CURLE_OK;
  char buf[8192];
  for (;;) {
    std::size_t n = mime->read(buf, sizeof buf);
    if (n == 0) break;
    if (n == CURL_READFUNC_ABORT) return CURLE_ABORTED_BY_CALLBACK;
    if (n > sizeof buf) return CURLE_READ_ERROR;
    if (append(arg, buf, n) != n) return CURLE_READ_ERROR;
  }
  return CURLE_OK;
}

}  // namespace mcurl
