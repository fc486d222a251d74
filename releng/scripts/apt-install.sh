# Sourced by ./build and .ci/run: installs missing Debian packages when that can be done without asking.
#   nnet_apt_install WHO REASON PACKAGE...
# As root with apt-get: installs the packages, saying so in one line ("WHO: installing ... (REASON)").
# Otherwise prints the exact command to run and returns 1. Two names stand for packages whose name depends on the
# release: "gtk3" (libgtk-3-0t64 since Debian 13 / Ubuntu 24.04, else libgtk-3-0) and "jdk" (the newest of
# openjdk-25/21-jdk-headless that apt knows).

nnet_apt_name() {
	local c
	case "$1" in
		gtk3) for c in libgtk-3-0t64 libgtk-3-0; do apt-cache show "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
			echo libgtk-3-0 ;;
		jdk) for c in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
				apt-cache show "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
			echo openjdk-21-jdk-headless ;;
		*) echo "$1" ;;
	esac
}

nnet_has_gtk3() { ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; }

nnet_apt_install() {
	local who="$1" reason="$2" p pkgs=()
	shift 2
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		# package lists may be missing on a fresh machine: update before resolving the GTK name
		apt-get update -qq >/dev/null 2>&1 || true
		for p in "$@"; do pkgs+=("$(nnet_apt_name "$p")"); done
		echo "$who: installing ${pkgs[*]} ($reason) with apt-get"
		if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null; then
			return 0
		fi
		echo "$who: apt-get install ${pkgs[*]} failed" >&2
		return 1
	fi
	for p in "$@"; do pkgs+=("$(nnet_apt_name "$p")"); done
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo "
	echo "$who: missing ${pkgs[*]} ($reason); install with: ${sudo}apt-get install -y ${pkgs[*]}" >&2
	return 1
}
