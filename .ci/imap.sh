# Real IMAP servers on loopback for cardcheck's IMAP tests: Dovecot from
# Debian's archive, run from a private config in a temporary folder (no
# system service, nothing under /etc changed), three instances:
#
#   CARDCHECK_TEST_IMAP          STARTTLS (and IDLE), login required
#   CARDCHECK_TEST_IMAPS         the same instance's implicit-TLS port
#   CARDCHECK_TEST_IMAP_NOIDLE   STARTTLS, IDLE not advertised (cardcheck polls)
#   CARDCHECK_TEST_IMAP_PLAIN    no TLS at all (cardcheck must refuse it)
#
# All three serve the same mail (one maildir), so a test delivers with any
# and reads with another. The TLS instances use a self-signed certificate made here for 127.0.0.1
# (CARDCHECK_TEST_IMAP_CA); the login is CARDCHECK_TEST_IMAP_USER and
# CARDCHECK_TEST_IMAP_PASSWORD. The servers stop when the shell that
# sourced this file exits.
#
# Sourced by .ci/run after .ci/mailpit.sh; to run the IMAP tests locally:
#   bash -c '. .ci/mailpit.sh && . .ci/imap.sh && go test ./pkg/imapwatch/...'

# Dovecot's master process runs as root and drops to its own users (made by
# the package); CI and the developers' machines are root.
if [ "$(id -u)" != 0 ]; then
  echo ".ci/imap.sh runs Dovecot, which needs root (as CI has); the IMAP tests skip without it" >&2
  return 1
fi
if ! command -v dovecot >/dev/null 2>&1; then
  echo "installing dovecot-imapd from Debian's archive"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
fi

# systemd-analyze checks docs/notices.md's user unit as written
# (internal/cli TestNoticesRoutine); the test runs the unit's command either way.
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "installing systemd (for systemd-analyze verify) from Debian's archive"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null 2>&1 ||
    echo "systemd could not be installed; the unit's syntax is not verified" >&2
fi

# _free_port comes from .ci/mailpit.sh; defined here too when sourced alone.
if ! type _free_port >/dev/null 2>&1; then
  _free_port() {
    local p i
    for i in $(seq 100); do
      p=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    return 1
  }
fi

_imap_dir=$(mktemp -d)
chmod 755 "$_imap_dir"
_imap_confs=()
_imap_stop() {
  local conf
  for conf in "${_imap_confs[@]}"; do doveadm -c "$conf" stop >/dev/null 2>&1 || true; done
  rm -rf "$_imap_dir"
}
# Chain onto mailpit's exit trap rather than replace it.
trap '_imap_stop; _mailpit_stop 2>/dev/null || true' EXIT

(cd "$_imap_dir" && go run "$(go env GOROOT)/src/crypto/tls/generate_cert.go" \
  --host 127.0.0.1,localhost --ca --duration 48h >/dev/null 2>&1)
chmod 644 "$_imap_dir/cert.pem"
export CARDCHECK_TEST_IMAP_CA="$_imap_dir/cert.pem"
export CARDCHECK_TEST_IMAP_USER=cardcheck
CARDCHECK_TEST_IMAP_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export CARDCHECK_TEST_IMAP_PASSWORD
printf '%s:{PLAIN}%s::::::\n' "$CARDCHECK_TEST_IMAP_USER" "$CARDCHECK_TEST_IMAP_PASSWORD" >"$_imap_dir/passwd"

# Mail is stored as nobody: Dovecot refuses to serve mail as uid 0.
_imap_uid=65534 _imap_gid=65534
chmod 644 "$_imap_dir/passwd"

# _start_dovecot NAME SSL(yes|no) CAPS PORT_VAR [IMAPS_PORT_VAR]
_start_dovecot() {
  local name=$1 ssl=$2 caps=$3 var=$4 svar=${5:-} d="$_imap_dir/$1" port sport try i
  for try in 1 2 3; do
    port=$(_free_port) && sport=$(_free_port) || return 1
    mkdir -p "$d/run" "$d/state" "$_imap_dir/home"
    chown "$_imap_uid:$_imap_gid" "$_imap_dir/home" 2>/dev/null || true
    {
      echo "base_dir = $d/run"
      echo "state_dir = $d/state"
      echo "log_path = $d/dovecot.log"
      echo "instance_name = cardcheck-test-$name-$$"
      echo "protocols = imap"
      echo "listen = 127.0.0.1"
      echo "auth_failure_delay = 0"
      echo "auth_mechanisms = plain login"
      if [ "$ssl" = yes ]; then
        echo "ssl = yes"
        echo "ssl_cert = <$_imap_dir/cert.pem"
        echo "ssl_key = <$_imap_dir/key.pem"
        echo "disable_plaintext_auth = yes"
      else
        echo "ssl = no"
        echo "disable_plaintext_auth = no"
      fi
      [ -n "$caps" ] && echo "protocol imap {
  imap_capability = $caps
}"
      echo "passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $_imap_dir/passwd
}
userdb {
  driver = static
  args = uid=$_imap_uid gid=$_imap_gid home=$_imap_dir/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    port = $port
  }
  inet_listener imaps {
    port = $( [ "$ssl" = yes ] && echo "$sport" || echo 0 )
    ssl = yes
  }
}
service anvil {
  chroot =
}"
    } >"$d/dovecot.conf"
    if dovecot -c "$d/dovecot.conf" 2>"$d/start.log"; then
      _imap_confs+=("$d/dovecot.conf")
      for i in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
          export "$var=127.0.0.1:$port"
          [ -n "$svar" ] && export "$svar=127.0.0.1:$sport"
          echo "dovecot $name: imap 127.0.0.1:$port${svar:+, imaps 127.0.0.1:$sport}"
          return 0
        fi
        sleep 0.1
      done
      doveadm -c "$d/dovecot.conf" stop >/dev/null 2>&1 || true
    fi
    echo "dovecot $name did not start (try $try):" >&2
    cat "$d/start.log" "$d/dovecot.log" >&2 2>/dev/null
    rm -rf "$d"
  done
  return 1
}

_start_dovecot tls yes "" CARDCHECK_TEST_IMAP CARDCHECK_TEST_IMAPS
_start_dovecot noidle yes "IMAP4rev1 SASL-IR LITERAL+ UIDPLUS" CARDCHECK_TEST_IMAP_NOIDLE
_start_dovecot plain no "" CARDCHECK_TEST_IMAP_PLAIN
