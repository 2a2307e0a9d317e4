# The floor: every step of the rotation in one shell script, run by one OpenSSH connection per host.
# The controller prepends GITEA_URL, PERSONA, HOST, SCOPES_JSON, ADMIN_USER and ADMIN_PASSWORD; the script arrives on
# stdin, so no credential is in any argv. It is not idempotent and checks almost nothing: it is the least work the
# rotation can take, the yardstick ferry is measured against.
{
set -eu
dir=/etc/molecule-bootstrap/personas/$PERSONA
env_file=/etc/molecule-bootstrap/all-credentials.env
# 2. mint this host's token with the admin's Basic credentials (curl reads them from a pipe, not its argv)
body=$(printf '{"name":"%s@%s","scopes":%s}' "$PERSONA" "$HOST" "$SCOPES_JSON")
answer=$(printf 'user = "%s:%s"\n' "$ADMIN_USER" "$ADMIN_PASSWORD" \
  | curl -sS -f -K - -H 'Content-Type: application/json' -d "$body" "$GITEA_URL/api/v1/users/$PERSONA/tokens")
token=$(printf '%s' "$answer" | sed -n 's/.*"sha1":"\([0-9a-f]*\)".*/\1/p')
[ -n "$token" ]
# 3. the token file, 0600 before it holds anything
umask 077
mkdir -p "$dir"
printf '%s\n' "$token" > "$dir/.token.tmp"
mv -f "$dir/.token.tmp" "$dir/token"
# 4. GITEA_TOKEN= in the env file reads the persona file, with a backup
real=$(readlink -f "$env_file")
cp -p "$real" "$real.bak.floor"
sed -i -e '/^[[:space:]]*\(export[[:space:]]\{1,\}\)\{0,1\}GITEA_TOKEN=/d' -e '$a\' "$real"
printf 'GITEA_TOKEN=$(cat %s/token)\n' "$dir" >> "$real"
# 5. every consumer cron job still succeeds
for job in /etc/cron.d/*; do
  "/opt/operator-config/ops/${job##*/}.sh" >/dev/null
done
# 6. the token the hosts read authenticates as the persona
tok=$(set +eu; set -a; . "$env_file" >/dev/null 2>&1; printf '%s' "${GITEA_TOKEN-}")
printf 'Authorization: token %s\n' "$tok" | curl -sS -f -H @- "$GITEA_URL/api/v1/user" | grep -q "\"login\":\"$PERSONA\""
} </dev/null
