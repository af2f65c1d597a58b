#!/usr/bin/env python3
"""Driver of bench/tenancy.sh: provisions tenants one after the other through tenantProvision and
measures Keycloak and Animo at checkpoints. Standard library only; prints a table and ratios."""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ADMIN_PASSWORD = "tenant-admin-pass-1"
SAMPLES = 20


def request(method, url, body=None, headers=None, form=None):
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def timed(call):
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


class Bench:
    def __init__(self, args):
        self.a = args
        self.operator_token = None
        self.operator_at = 0
        self.provision_ms = []
        self.served = 0
        self.secrets = {}

    def log(self, text):
        print(f"[tenancy] {text}", file=sys.stderr, flush=True)

    # --- tokens ---------------------------------------------------------------------------------
    def token(self, realm, form):
        status, body = request("POST", f"{self.a.keycloak}/realms/{realm}/protocol/openid-connect/token", form=form)
        if status != 200:
            raise SystemExit(f"no token in {realm}: {status} {body}")
        return body

    def password_token(self, realm, username, password):
        return self.token(realm, {"grant_type": "password", "client_id": self.a.client, "username": username,
                                  "password": password, "scope": "openid"})

    def operator(self):
        if time.time() - self.operator_at > 200:
            self.operator_token = self.password_token(self.a.platform_realm, self.a.operator,
                                                      self.a.operator_password)["access_token"]
            self.operator_at = time.time()
        return self.operator_token

    # --- steps ----------------------------------------------------------------------------------
    def provision(self, i):
        realm = f"t{i:04d}"
        query = ("mutation P($input: TenantProvisionInput!) { tenantProvision(input: $input) "
                 "{ tenant { id } userErrors { code message } } }")
        variables = {"input": {"realm": realm, "name": f"Tenant {i}", "adminEmail": f"admin@{realm}.example",
                               "adminUsername": "admin", "adminFirstName": "Tenant", "adminLastName": "Admin",
                               "adminPassword": ADMIN_PASSWORD}}
        token = self.operator()
        ms, (status, body) = timed(lambda: request("POST", self.a.graphql, {"query": query, "variables": variables},
                                                   {"Authorization": f"Bearer {token}"}))
        if status != 200 or body.get("errors") or body["data"]["tenantProvision"]["userErrors"]:
            raise SystemExit(f"tenantProvision {realm} failed: {status} {body}")
        return ms

    def serve_everyone(self, count):
        """Each tenant's admin signs in and asks Animo who they are: Animo then holds every tenant's OIDC set-up."""
        query = "{ viewer { tenant { id } } }"
        for i in range(self.served + 1, count + 1):
            realm = f"t{i:04d}"
            access = self.password_token(realm, "admin", ADMIN_PASSWORD)["access_token"]
            status, body = request("POST", self.a.graphql, {"query": query}, {"Authorization": f"Bearer {access}"})
            if status != 200 or body.get("errors"):
                raise SystemExit(f"viewer in {realm} failed: {status} {body}")
        self.served = count

    def integration_secret(self, realm):
        """Read from Keycloak's own database (harness only): the master admin, which could read it through the admin
        API, takes minutes for its first call in a realm once there are hundreds (its admin role's composite holds
        17 roles per realm) - the very slowdown Animo's provisioning avoids."""
        if realm not in self.secrets:
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", self.a.keycloak_database, "-qAtX",
                                  "-c", "select c.secret from client c join realm r on r.id = c.realm_id "
                                        f"where r.name = '{realm}' and c.client_id = 'animo-integration'"],
                                 check=True, capture_output=True, text=True, timeout=60).stdout.strip()
            if not out:
                raise SystemExit(f"no animo-integration secret in realm {realm}")
            self.secrets[realm] = out
        return self.secrets[realm]

    def latencies(self, realm):
        secret = self.integration_secret(realm)
        cc = [timed(lambda: self.token(realm, {"grant_type": "client_credentials", "client_id": "animo-integration",
                                               "client_secret": secret}))[0] for _ in range(SAMPLES)]
        refresh_token = self.password_token(realm, "admin", ADMIN_PASSWORD)["refresh_token"]
        refresh = []
        for _ in range(SAMPLES):
            ms, body = timed(lambda: self.token(realm, {"grant_type": "refresh_token", "client_id": self.a.client,
                                                        "refresh_token": refresh_token}))
            refresh_token = body["refresh_token"]
            refresh.append(ms)
        jwks = [timed(lambda: request("GET", f"{self.a.keycloak}/realms/{realm}/protocol/openid-connect/certs"))[0]
                for _ in range(SAMPLES)]
        return {"cc": statistics.median(cc), "refresh": statistics.median(refresh), "jwks": statistics.median(jwks)}

    def keycloak_pid(self):
        with open(self.a.keycloak_pid_file) as f:
            launcher = int(f.read().strip())
        # kc.sh runs java as its child
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    with open(f"/proc/{entry}/cmdline", "rb") as f:
                        cmd = f.read()
                except OSError:
                    continue
                if int(fields[1]) == launcher and b"java" in cmd:
                    return int(entry)
        return launcher

    @staticmethod
    def rss_mib(pid):
        with open(f"/proc/{pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024

    @staticmethod
    def heap_after_gc_mib(pid):
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True, timeout=120)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True,
                              timeout=60).stdout
        return int(re.search(r"used (\d+)K", info).group(1)) / 1024

    def analyze(self):
        """This machine's PostgreSQL runs without autovacuum: without fresh statistics Keycloak's tables keep the
        plans of empty ones. Production runs autovacuum; here the bench analyzes every 100 tenants."""
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", self.a.keycloak_database, "-qAtX",
                        "-c", "analyze"], check=True, capture_output=True, timeout=300)

    def keycloak_script(self, command):
        env = dict(os.environ, ANIMO_KEYCLOAK_PORT=self.a.keycloak.rsplit(":", 1)[1],
                   ANIMO_KEYCLOAK_INSTANCE=self.a.keycloak_instance)
        subprocess.run(["bash", self.a.keycloak_script, command], env=env, check=True, capture_output=True,
                       timeout=600)

    # --- the run --------------------------------------------------------------------------------
    def run(self):
        checkpoints = sorted({int(c) for c in self.a.checkpoints.split() if int(c) <= self.a.tenants} | {self.a.tenants})
        rows = []
        started = time.time()
        for i in range(1, self.a.tenants + 1):
            self.provision_ms.append(self.provision(i))
            if i % 100 == 0:
                self.analyze()
            if i % 50 == 0:
                self.log(f"{i} tenants, last {self.provision_ms[-1]:.0f} ms, {time.time() - started:.0f} s so far")
            if i not in checkpoints:
                continue
            # the last 10, but never the very first call (a cold JIT) unless it is the only one
            window = self.provision_ms[max(1, i - 10):i] if i > 1 else self.provision_ms
            first = self.latencies("t0001")
            last = self.latencies(f"t{i:04d}")
            self.serve_everyone(i)
            kc = self.keycloak_pid()
            rows.append({"tenants": i, "p50": statistics.median(window), "p95": pct(window, 95),
                         "kc_rss": self.rss_mib(kc), "kc_heap": self.heap_after_gc_mib(kc),
                         "first": first, "last": last,
                         "animo_heap": self.heap_after_gc_mib(self.a.animo_pid),
                         "animo_rss": self.rss_mib(self.a.animo_pid)})
            self.log(f"checkpoint {rows[-1]}")
        restart = self.restart()
        self.report(rows, restart, time.time() - started)

    def restart(self):
        self.log("restarting Keycloak")
        self.keycloak_script("stop")
        ms, _ = timed(lambda: self.keycloak_script("start"))
        self.operator_at = 0
        first_provision = self.provision(self.a.tenants + 1)
        token_ms, _ = timed(lambda: self.password_token("t0001", "admin", ADMIN_PASSWORD))
        return {"start_s": ms / 1000, "first_provision_ms": first_provision, "first_token_ms": token_ms}

    def report(self, rows, restart, seconds):
        base = rows[0]
        print(f"Tenancy benchmark: {self.a.tenants} tenants provisioned through tenantProvision, one at a time, on one "
              f"Keycloak 26.5.6 in production mode on PostgreSQL ({seconds / 60:.1f} min)")
        print("provisioning = the whole tenantProvision call (p50/p95 of the last 10, never the cold first one); cc / refresh / jwks = median "
              f"of {SAMPLES} in the first and in the last tenant; heaps after a full GC")
        header = ("tenants", "prov p50 ms", "prov p95 ms", "KC RSS MiB", "KC heap MiB", "cc first/last ms",
                  "refresh first/last ms", "jwks first/last ms", "Animo heap MiB", "Animo RSS MiB")
        print(" | ".join(header))
        for r in rows:
            print(" | ".join([
                str(r["tenants"]), f"{r['p50']:.0f}", f"{r['p95']:.0f}", f"{r['kc_rss']:.0f}", f"{r['kc_heap']:.0f}",
                f"{r['first']['cc']:.1f} / {r['last']['cc']:.1f}",
                f"{r['first']['refresh']:.1f} / {r['last']['refresh']:.1f}",
                f"{r['first']['jwks']:.1f} / {r['last']['jwks']:.1f}",
                f"{r['animo_heap']:.0f}", f"{r['animo_rss']:.0f}"]))
        print("ratios against the first checkpoint (against the 10th for provisioning):")
        tenth = next((r for r in rows if r["tenants"] == 10), base)
        for r in rows[1:]:
            print(f"  {r['tenants']:>5} tenants: provisioning p95 x{r['p95'] / tenth['p95']:.2f} (vs 10th), "
                  f"p50 x{r['p50'] / tenth['p50']:.2f}; cc last x{r['last']['cc'] / base['last']['cc']:.2f}, "
                  f"refresh last x{r['last']['refresh'] / base['last']['refresh']:.2f}, "
                  f"jwks last x{r['last']['jwks'] / base['last']['jwks']:.2f}; "
                  f"KC heap x{r['kc_heap'] / base['kc_heap']:.2f}, KC RSS x{r['kc_rss'] / base['kc_rss']:.2f}")
        last = rows[-1]
        if last["tenants"] > 1:
            per_tenant = (last["animo_heap"] - base["animo_heap"]) * 1024 / (last["tenants"] - 1)
            print(f"Animo heap per tenant served (OIDC set-up, directory, caches): {per_tenant:.1f} KiB "
                  f"({base['animo_heap']:.0f} -> {last['animo_heap']:.0f} MiB)")
        print(f"Keycloak restart with {self.a.tenants} tenants: ready in {restart['start_s']:.1f} s; first "
              f"tenantProvision after it {restart['first_provision_ms']:.0f} ms; first token in t0001 "
              f"{restart['first_token_ms']:.0f} ms")


def main():
    p = argparse.ArgumentParser()
    for name in ("graphql", "keycloak", "platform-realm", "client", "operator", "operator-password", "checkpoints",
                 "keycloak-pid-file", "keycloak-script", "keycloak-instance"):
        p.add_argument(f"--{name}", required=True)
    p.add_argument("--tenants", type=int, required=True)
    p.add_argument("--animo-pid", type=int, required=True)
    p.add_argument("--keycloak-database", required=True)
    Bench(p.parse_args()).run()


if __name__ == "__main__":
    main()
