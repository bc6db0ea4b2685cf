# git_clone_missing
expect='^done$'
run_case() {
$GIT clone -q "$NGX/nosuch.git" work 2>&1 | sed -E 's/^(fatal: repository).*/\1 .../'
ls work 2>/dev/null; echo done
}
