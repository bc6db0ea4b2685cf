# git_ls_remote_https
expect='refs/tags/v1$'
setup_case() {
# A bare repository with three commits, a tag and a branch, served as static files.
export GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' GIT_COMMITTER_DATE='2024-01-01T00:00:00Z'
g() { $GIT -c user.name=t -c user.email=t@example.invalid -c init.defaultBranch=main "$@"; }
g init -q src
for i in 1 2 3; do
  head -c $((i * 40000)) "$WWW/1m" >src/file$i
  g -C src add file$i && g -C src commit -q -m "commit $i"
done
g -C src tag v1 HEAD~1 && g -C src branch side HEAD~2
g clone -q --bare src "$WWW/repo.git"
g -C "$WWW/repo.git" update-server-info
}
run_case() {
GIT_SSL_CAINFO=$CA $GIT ls-remote --tags "$NGXS/repo.git" 2>&1
}
