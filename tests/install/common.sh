# Shared by the install tests: failing with a message, polling with a deadline.

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

check() {  # check "what" command...: runs the command, fails naming what was checked
    local what=$1
    shift
    "$@" || fail "$what"
}

# wait_for SECONDS "what" command...: polls the command every 50 ms until it succeeds.
wait_for() {
    local seconds=$1 deadline=$((SECONDS + $1)) what=$2
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "timed out after $seconds s waiting for: $what${log:+; the log: $(tail -5 "$log")}"
        sleep 0.05
    done
}

# mode_owner PATH: "0750 loaphuong:loaphuong"
mode_owner() { stat -c '%04a %U:%G' "$1"; }

# The maintainer scripts start and enable nothing (the administrator does, with systemctl).
check_scripts_start_nothing() {
    local dir=$1 found
    found=$(grep -nE '(systemctl|deb-systemd-invoke|invoke-rc\.d|service)\s([^#]*\s)?(start|restart|try-restart|reload-or-restart|enable|reload)(\s|$)|deb-systemd-helper\s([^#]*\s)?enable(\s|$)|update-rc\.d' \
        "$dir"/postinst "$dir"/prerm "$dir"/postrm | grep -vE '^\S*:[0-9]*:\s*#' || true)
    [ -z "$found" ] || fail "a maintainer script starts or enables something: $found"
}
