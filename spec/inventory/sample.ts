/** A small inventory with the shapes Ansible users write: nested groups, a host in two groups, null hosts, ranges. */
export const SAMPLE_INVENTORY = `all:
  vars:
    ntp: pool.ntp.org
  hosts:
    bastion:
      ansible_host: 10.0.0.1
  children:
    web:
      vars: { http_port: 8080 }
      hosts:
        web[01:03].example.com:
      children:
        canary:
          hosts:
            web01.example.com:
    db:
      hosts:
        db1:
          ansible_become_password: hunter2
          db_admin_token: t0ken
          backup: { target: s3, secret_key: k3y }
        web03.example.com:
    prod:
      children:
        web:
        db:
`;
