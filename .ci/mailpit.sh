# Real SMTP servers on loopback for cardcheck's mail tests: mailpit, installed
# with go install and started three times on free 127.0.0.1 ports:
#
#   CARDCHECK_TEST_SMTP        STARTTLS required, login required (the usual submission server)
#   CARDCHECK_TEST_SMTP_TLS    implicit TLS, login required
#   CARDCHECK_TEST_SMTP_PLAIN  no TLS at all, no login
#
# each with its HTTP API in CARDCHECK_TEST_MAILPIT_API, _TLS_API and
# _PLAIN_API. The TLS servers use a self-signed certificate made here for
# 127.0.0.1 (CARDCHECK_TEST_SMTP_CA); the login is CARDCHECK_TEST_SMTP_USER
# and CARDCHECK_TEST_SMTP_PASSWORD. The servers stop when the shell that
# sourced this file exits.
#
# Sourced by .ci/run; to run the mail tests locally the same way:
#   bash -c '. .ci/mailpit.sh && go test -race ./...'

MAILPIT_MODULE=github.com/axllent/mailpit
MAILPIT_VERSION=v1.33.1

export GOBIN="${GOBIN:-$(go env GOPATH)/bin}"
export PATH="$GOBIN:$PATH"

if ! go version -m "$GOBIN/mailpit" 2>/dev/null | grep -q "mod[[:space:]]*$MAILPIT_MODULE[[:space:]]*$MAILPIT_VERSION"; then
  echo "installing mailpit $MAILPIT_VERSION (about 90 s the first time)"
  t0=$SECONDS
  go install "$MAILPIT_MODULE@$MAILPIT_VERSION"
  echo "mailpit installed in $((SECONDS - t0)) s"
fi

_mailpit_dir=$(mktemp -d)
_mailpit_pids=()
_mailpit_stop() {
  local pid
  for pid in "${_mailpit_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${_mailpit_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$_mailpit_dir"
}
trap _mailpit_stop EXIT

# _free_port prints a loopback port nothing listens on.
_free_port() {
  local p i
  for i in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}

# The certificate: self-signed, for 127.0.0.1 and localhost, valid two days.
(cd "$_mailpit_dir" && go run "$(go env GOROOT)/src/crypto/tls/generate_cert.go" \
  --host 127.0.0.1,localhost --ca --duration 48h >/dev/null 2>&1)
chmod 600 "$_mailpit_dir/key.pem"
export CARDCHECK_TEST_SMTP_CA="$_mailpit_dir/cert.pem"
export CARDCHECK_TEST_SMTP_USER=cardcheck
CARDCHECK_TEST_SMTP_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export CARDCHECK_TEST_SMTP_PASSWORD
printf '%s:%s\n' "$CARDCHECK_TEST_SMTP_USER" "$CARDCHECK_TEST_SMTP_PASSWORD" >"$_mailpit_dir/auth"
chmod 600 "$_mailpit_dir/auth"

# _start_mailpit NAME SMTP_VAR API_VAR FLAGS... starts one server and waits
# until its API answers.
_start_mailpit() {
  local name=$1 smtp_var=$2 api_var=$3 smtp http try
  shift 3
  for try in 1 2 3; do
    smtp=$(_free_port) && http=$(_free_port) || return 1
    mailpit --smtp "127.0.0.1:$smtp" --listen "127.0.0.1:$http" \
      --database "$_mailpit_dir/$name.db" --disable-version-check --smtp-disable-rdns --quiet "$@" \
      >"$_mailpit_dir/$name.log" 2>&1 &
    _mailpit_pids+=("$!")
    local i
    for i in $(seq 100); do
      if curl -fsS "http://127.0.0.1:$http/readyz" >/dev/null 2>&1 &&
        (exec 3<>"/dev/tcp/127.0.0.1/$smtp") 2>/dev/null; then
        export "$smtp_var=127.0.0.1:$smtp" "$api_var=http://127.0.0.1:$http"
        echo "mailpit $name: smtp 127.0.0.1:$smtp, api http://127.0.0.1:$http"
        return 0
      fi
      kill -0 "$!" 2>/dev/null || break
      sleep 0.1
    done
    echo "mailpit $name did not start (try $try):" >&2
    cat "$_mailpit_dir/$name.log" >&2
  done
  return 1
}

_start_mailpit starttls CARDCHECK_TEST_SMTP CARDCHECK_TEST_MAILPIT_API \
  --smtp-tls-cert "$_mailpit_dir/cert.pem" --smtp-tls-key "$_mailpit_dir/key.pem" \
  --smtp-require-starttls --smtp-auth-file "$_mailpit_dir/auth"
_start_mailpit tls CARDCHECK_TEST_SMTP_TLS CARDCHECK_TEST_MAILPIT_TLS_API \
  --smtp-tls-cert "$_mailpit_dir/cert.pem" --smtp-tls-key "$_mailpit_dir/key.pem" \
  --smtp-require-tls --smtp-auth-file "$_mailpit_dir/auth"
_start_mailpit plain CARDCHECK_TEST_SMTP_PLAIN CARDCHECK_TEST_MAILPIT_PLAIN_API
