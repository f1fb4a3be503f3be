# Shell helpers shared by bench/run and bench/cache-reads; sourced, not run. The sourcing script
# sets BENCH_NAME (for messages) first.

log() { printf '\n== %s\n' "$*" >&2; }
die() { echo "$BENCH_NAME: $*" >&2; exit 1; }

# install_missing COMMAND...: installs with apt-get (as root, or with sudo) the Debian package of
# each command found neither on PATH nor in /usr/sbin; the package is named like the command.
install_missing() {
  local need=() command sudo=""
  for command in "$@"; do
    command -v "$command" >/dev/null 2>&1 || [ -x "/usr/sbin/$command" ] || need+=("$command")
  done
  [ ${#need[@]} -gt 0 ] || return 0
  log "Installing ${need[*]} with apt-get"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
}

# median N...: the median of the numbers, nan when there are none.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# ratio A B: A / B with two decimals, nan when B is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.2f", a / b }'; }
# verdict VALUE <=|>= TARGET: PASS, MISS, or ERROR when VALUE is not a number.
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v != v + 0) { print "ERROR"; exit } ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "PASS" : "MISS" }'; }
