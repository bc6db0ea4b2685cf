// Multi: the event path. socket_action and perform step transfers, then tell the
// application what changed: the socket callback only for sockets whose wanted events
// changed (REMOVE exactly once, before the close), the timer callback only when the
// earliest deadline moved (docs/internals/SOCKETS.md, TIMERS.md).
#include <algorithm>

#include "multi/multi.h"
#include "transfer/exchange.h"
#include "transfer/transfer.h"

namespace mcurl {

void Multi::run_soon(Transfer& t) noexcept {
  t.expires_.set(ExpireKind::RunNow, now_);
  reschedule(t);
}

void Multi::reschedule(Transfer& t) noexcept {
  if (t.phase_ != Transfer::Phase::Running) {
    timers_.remove(t.timer_);
    return;
  }
  timers_.reschedule(t.timer_, t.expires_.earliest());
}

char* Multi::borrow_recv_buffer(std::size_t size) {
  if (recv_lent_) return nullptr;
  if (recv_buf_size_ < size) {
    // Not value-initialised: recv writes what is read, nothing reads beyond it.
    recv_buf_ = std::make_unique_for_overwrite<char[]>(size);
    recv_buf_size_ = size;
  }
  recv_lent_ = true;
  return recv_buf_.get();
}

void Multi::run_transfer(Transfer& t) {
  if (t.phase_ != Transfer::Phase::Running || !t.exchange_) return;
  // Each transfer reads the clock when it runs (a vDSO call), so deadlines of transfers
  // stepped in one call differ as they do in libcurl, whose timer callback the
  // application then sees for each change.
  refresh_now();
  Exchange& ex = *t.exchange_;
  bool done;
  if (dead_) {
    // A socket or timer callback failed: every transfer that runs again fails too.
    ex.abandon();
    t.set_result(CURLE_ABORTED_BY_CALLBACK);
    done = true;
  } else {
    done = ex.step(0);
    if (done) t.set_result(ex.result());
  }
  if (!done && ex.state() == Exchange::State::Pending &&
      std::find(pending_.begin(), pending_.end(), t.id_) == pending_.end()) {
    pending_.push_back(t.id_);
  }
  if (done) {
    t.phase_ = Transfer::Phase::Done;
    --alive_;
    t.expires_.clear_all();
    t.message_.msg.msg = CURLMSG_DONE;
    t.message_.msg.easy_handle = t.handle();
    messages_.push(t.message_);
  }
  sync_sockets(t);
  reschedule(t);
  if (done) t.exchange_.reset();  // an idle handle holds no buffer and no socket
}

void Multi::sync_sockets(Transfer& t) {
  PollSet now_wants;
  if (t.phase_ == Transfer::Phase::Running && t.exchange_) t.exchange_->pollset(now_wants);
  if (now_wants == t.polled_) return;
  PollDiff d = diff(t.polled_, now_wants);
  for (const PollChange& c : d) {
    if (c.after == kPollNone) {
      sockets_.remove_interest(t.id_, c.fd);
    } else {
      sockets_.set_interest(t.id_, c.fd, c.after);
    }
  }
  t.polled_ = now_wants;
  CURL* easy = t.handle();
  for (const PollChange& c : d) announce(c.fd, easy);
}

void Multi::announce(int fd, CURL* easy) {
  if (quiet_sockets_) return;
  int action = sockets_.diff(fd);
  if (action == 0) return;
  // A dead multi still tells the application about its sockets (7.88.1 only stops the
  // timer callback), so the application can stop watching them.
  if (options_.socket_fn != nullptr) {
    const SocketEntry* e = sockets_.find(fd);
    void* socketp = e != nullptr ? e->socketp : nullptr;
    int rc;
    {
      CallbackScope scope(*this);
      rc = options_.socket_fn(easy, fd, action, options_.socket_data, socketp);
    }
    if (rc == -1) {
      // A refused announcement does not count as told (7.88.1): a socket the
      // application never accepted gets no REMOVE later.
      die();
      return;
    }
  }
  sockets_.mark_announced(fd, action);
}

void Multi::socket_closing(int fd) noexcept {
  if (fd < 0) return;
  // The socket callback names the transfer that used the socket, as 7.88.1 does.
  CURL* easy = nullptr;
  if (const SocketEntry* e = sockets_.find(fd)) {
    if (Transfer* t = transfers_.get(e->user_ids.first())) easy = t->handle();
  }
  int action = sockets_.forget(fd);
  if (action != CURL_POLL_REMOVE) return;
  if (options_.socket_fn != nullptr) {
    const SocketEntry* e = sockets_.find(fd);
    void* socketp = e != nullptr ? e->socketp : nullptr;
    int rc;
    {
      CallbackScope scope(*this);
      rc = options_.socket_fn(easy, fd, CURL_POLL_REMOVE, options_.socket_data, socketp);
    }
    if (rc == -1) die();
  }
  sockets_.mark_announced(fd, CURL_POLL_REMOVE);
}

void Multi::die() noexcept {
  dead_ = true;
  pending_error_ = CURLM_ABORTED_BY_CALLBACK;
}

CURLMcode Multi::update_timer(bool forget_last) {
  if (options_.timer_fn == nullptr || dead_) {
    CURLMcode r = pending_error_;
    pending_error_ = CURLM_OK;
    return r;
  }
  // `forget_last` (after an add and after a CURL_SOCKET_TIMEOUT call, as 7.88.1 does):
  // the next deadline is told again even if unchanged, and no -1 follows.
  if (forget_last) last_timer_.reset();
  std::optional<TimePoint> e = timers_.earliest();
  long ms = -2;
  if (!e) {
    if (last_timer_) ms = -1;  // the last deadline went away: delete the timer
    last_timer_.reset();
  } else if (!last_timer_ || *last_timer_ != *e) {
    ms = timeout_ms_until(now_, *e);
    last_timer_ = e;
  }
  if (ms != -2) {
    int rc;
    {
      CallbackScope scope(*this);
      rc = options_.timer_fn(handle_, ms, options_.timer_data);
    }
    if (rc == -1) die();
  }
  CURLMcode r = pending_error_;
  pending_error_ = CURLM_OK;
  return r;
}

void Multi::run_expired() {
  // Two phases: collect the due ids first, then run them (running changes the tree).
  // run_transfer never runs timers itself and the API guard stops re-entry, so the one
  // reused vector is safe (no allocation once it has grown).
  scratch_ids_.clear();
  timers_.pop_expired(now_, scratch_ids_);
  for (std::size_t i = 0; i < scratch_ids_.size(); ++i) {
    if (Transfer* t = transfers_.get(scratch_ids_[i])) run_transfer(*t);
  }
}

void Multi::run_resolver() {
  std::vector<std::uint32_t> ready;
  resolver_.drain([&](std::uint32_t tid, std::uint64_t job, ResolveResult&& r) noexcept {
    Transfer* t = transfers_.get(tid);
    if (t == nullptr || !t->exchange_) return;
    try {
      t->exchange_->on_resolved(job, std::move(r));
      ready.push_back(tid);
    } catch (...) {
    }
  });
  for (std::uint32_t id : ready) {
    if (Transfer* t = transfers_.get(id)) run_transfer(*t);
  }
}

void Multi::finish_call(int* running, CURLMcode mresult) {
  // 7.88.1 leaves *running alone when the call fails.
  if (running != nullptr && mresult == CURLM_OK) *running = static_cast<int>(alive_);
}

CURLMcode Multi::socket_action(curl_socket_t fd, int /*ev_bitmask*/, int* running) {
  refresh_now();
  if (fd == CURL_SOCKET_TIMEOUT) {
    run_expired();
  } else if (const SocketEntry* e = sockets_.find(fd)) {
    if (fd == resolver_.fd() && resolver_.has_pending()) {
      run_resolver();
    } else {
      // Copy the users (stepping one may change the entry) into a reused vector: no
      // allocation per socket event once it has grown. socket_action cannot re-enter.
      event_ids_.clear();
      e->user_ids.append_ids(event_ids_);
      for (std::size_t i = 0; i < event_ids_.size(); ++i) {
        if (Transfer* t = transfers_.get(event_ids_[i])) run_transfer(*t);
      }
    }
  }
  if (fd != CURL_SOCKET_TIMEOUT) {
    // What else is due runs too, also after an unknown socket (7.88.1 falls through to
    // the timers; BEHAVIOUR.md items 56, 57).
    refresh_now();
    run_expired();
  }
  CURLMcode mresult = update_timer(fd == CURL_SOCKET_TIMEOUT);
  finish_call(running, mresult);
  return mresult;
}

void Multi::run_all() {
  std::vector<std::uint32_t> ids;
  transfers_.append_ids(ids);
  for (std::uint32_t id : ids) {
    Transfer* t = transfers_.get(id);
    if (t != nullptr && t->phase_ == Transfer::Phase::Running) {
      timers_.remove(t->timer_);
      run_transfer(*t);
    }
  }
}

CURLMcode Multi::perform(int* running) {
  refresh_now();
  quiet_sockets_ = true;
  if (resolver_.has_pending()) run_resolver();
  run_all();
  quiet_sockets_ = false;
  CURLMcode mresult = update_timer(false);
  finish_call(running, mresult);
  return mresult;
}

CURLMcode Multi::socket_all(int* running) {
  refresh_now();
  if (resolver_.has_pending()) run_resolver();
  run_all();
  CURLMcode mresult = update_timer(false);
  finish_call(running, mresult);
  return mresult;
}

}  // namespace mcurl
