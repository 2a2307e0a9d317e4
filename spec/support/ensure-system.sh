#!/usr/bin/env bash
# Makes this machine able to run the SSH test lab: OpenSSH server, strace, sudo,
# unshare, and a non-root login user with passwordless sudo. Idempotent and quiet
# when everything is already in place. Runs as root.
set -euo pipefail

need_install=0
for tool in /usr/sbin/sshd strace sudo ssh-keygen unshare curl ssh-agent; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    need_install=1
  fi
done

if [ "$need_install" = 1 ]; then
  echo "ensure-system: installing openssh-server openssh-client strace sudo util-linux curl" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client strace sudo util-linux curl >/dev/null
fi

mkdir -p /run/sshd
chmod 0755 /run/sshd

if ! id -u ferryops >/dev/null 2>&1; then
  useradd -m -s /bin/bash ferryops
fi

# OpenSSH without PAM refuses accounts whose password field starts with '!' (locked);
# '*' still forbids password logins but lets key logins through.
if getent shadow ferryops | cut -d: -f2 | grep -q '^!'; then
  usermod -p '*' ferryops
fi

sudoers=/etc/sudoers.d/ferryops
want='ferryops ALL=(ALL) NOPASSWD:ALL'
if [ ! -f "$sudoers" ] || [ "$(cat "$sudoers")" != "$want" ]; then
  mkdir -p /etc/sudoers.d
  tmp="$(mktemp /etc/sudoers.d/.ferryops.XXXXXX)"
  printf '%s\n' "$want" >"$tmp"
  chmod 0440 "$tmp"
  if visudo -cf "$tmp" >/dev/null 2>&1 || ! command -v visudo >/dev/null 2>&1; then
    mv -f "$tmp" "$sudoers"
  else
    rm -f "$tmp"
    echo "ensure-system: refusing an invalid sudoers entry" >&2
    exit 1
  fi
fi
chmod 0440 "$sudoers"
