#!/usr/bin/env python3
"""Shares out the jdk.ExecutionSample events of JFR recordings: by who asked (the frame nearest the leaf in our code,
the engine's authorization checks, the REST filter's lookups or an engine command, else the nearest HTTP layer), by
markers anywhere in the stack, by top frame and by thread.
usage: python3 src/test/bench/jfr_profile.py DIR/b-rep*.jfr  (recordings of -Dbench.jfr=DIR)"""
import json, subprocess, sys, collections

BUCKETS = [  # each sample goes to the bucket of the frame nearest the leaf that matches any key (who asked for it)
    ("engine identity: password check", ["IdentityServiceImpl.checkPassword", "PasswordManager"]),
    ("engine-rest filter: group + tenant lookup", ["ProcessEngineAuthenticationFilter.getGroupsOfUser", "ProcessEngineAuthenticationFilter.getTenantsOfUser"]),
    ("/api Basic login: groups (IdentityAuthentication)", ["vn.motcua.security.IdentityAuthentication"]),
    ("engine authorization checks", ["AuthorizationManager"]),
    ("ours: DepartmentReads grant", ["vn.motcua.workflow.DepartmentReads"]),
    ("ours: Clocks (sla)", ["vn.motcua.sla."]),
    ("ours: Dossiers (timeline/status)", ["vn.motcua.dossier."]),
    ("ours: catalogue (procedure, budget)", ["vn.motcua.catalog."]),
    ("ours: StepBehaviour other", ["vn.motcua.workflow."]),
    ("ours: tracking read", ["vn.motcua.tracking."]),
    ("ours: filing (reception)", ["vn.motcua.reception."]),
    ("engine: task query (REST list)", ["TaskQueryImpl"]),
]
SPECIFIC = len(BUCKETS)
BUCKETS += [
    ("engine: other (job executor, history, ...)", ["org.camunda.bpm.engine.impl."]),
    ("engine-rest resources/DTOs", ["org.camunda.bpm.engine.rest."]),
    ("JAX-RS (Jersey) + JSON", ["org.glassfish.jersey", "com.fasterxml.jackson"]),
    ("bench client (HTTP client, Api)", ["vn.motcua.Api", "org.apache.hc.", "org.springframework.web.client"]),
    ("bench harness", ["vn.motcua.bench."]),
    ("Spring Security", ["org.springframework.security"]),
    ("Spring MVC", ["org.springframework.web"]),
    ("Tomcat / servlet container", ["org.apache.catalina", "org.apache.coyote", "org.apache.tomcat"]),
]
# sub-buckets of interest across everything
MARKERS = [
    ("MyBatis (all)", "org.apache.ibatis"),
    ("MariaDB driver (all)", "org.mariadb.jdbc"),
    ("Hikari", "com.zaxxer.hikari"),
    ("Jackson", "com.fasterxml.jackson"),
    ("engine AuthorizationManager (all)", "AuthorizationManager"),
    ("Spring Security (all)", "org.springframework.security"),
    ("password check (all)", "checkPassword"),
    ("Camunda identity group query", "GroupQuery"),
    ("StatementCounter proxies (bench)", "vn.motcua.bench.StatementCounter"),
    ("JUEL/expression", "org.camunda.bpm.impl.juel"),
    ("Camunda EL/scripts", "org.camunda.bpm.engine.impl.el"),
    ("regex", "java.util.regex"),
    ("reflection", "jdk.internal.reflect"),
    ("MessageDigest/SHA", "sun.security.provider"),
]

def frames(ev):
    st = ev.get("values", ev).get("stackTrace") or {}
    out = []
    for f in st.get("frames", []):
        m = f.get("method", {})
        t = m.get("type", {}).get("name", "?").replace("/", ".")
        out.append(f"{t}.{m.get('name','?')}")
    return out, st.get("truncated", False)

total = 0; trunc = 0
buckets = collections.Counter(); tops = collections.Counter(); marks = collections.Counter(); threads = collections.Counter()
ours = collections.Counter()
for path in sys.argv[1:]:
    data = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "600", "--events", "jdk.ExecutionSample", path],
                                     capture_output=True, text=True, check=True).stdout)
    for ev in data["recording"]["events"]:
        fs, tr = frames(ev)
        total += 1; trunc += tr
        th = (ev["values"].get("sampledThread") or {}).get("javaName") or "?"
        threads[th.rstrip("0123456789-")] += 1
        tops[fs[0] if fs else "?"] += 1
        joined = "\n".join(fs)
        hit = None
        for f in fs:  # leaf first: specific buckets (ours, auth, engine commands) win over the generic layers
            for name, keys in BUCKETS[:SPECIFIC]:
                if any(k in f for k in keys):
                    hit = name; break
            if not hit and ".engine.impl.cmd." in f:
                hit = "engine cmd: " + f.split(".engine.impl.cmd.")[1].split(".")[0].split("$")[0]
            if hit: break
        if not hit:
            for f in fs:
                if "vn.motcua.bench.StatementCounter" in f or "jdk.proxy" in f:
                    continue
                for name, keys in BUCKETS[SPECIFIC:]:
                    if any(k in f for k in keys):
                        hit = name; break
                if hit: break
        buckets[hit or ("other: " + (fs[-1] if fs else "?"))] += 1
        for name, key in MARKERS:
            if key in joined:
                marks[name] += 1
        for f in fs:
            if f.startswith("vn.motcua.") and "bench" not in f:
                ours[f] += 1; break
pct = lambda n: f"{100*n/total:5.1f}%"
print(f"samples: {total} (truncated stacks: {trunc})")
print("\n## by who asked: bucket of the matching frame nearest the leaf (sums to 100%)")
for k, v in buckets.most_common(25): print(f"{pct(v)} {v:6d}  {k}")
print("\n## markers anywhere in stack (overlapping)")
for k, v in marks.most_common(): print(f"{pct(v)} {v:6d}  {k}")
print("\n## top frames (self)")
for k, v in tops.most_common(25): print(f"{pct(v)} {v:6d}  {k}")
print("\n## threads")
for k, v in threads.most_common(10): print(f"{pct(v)} {v:6d}  {k}")
print("\n## deepest vn.motcua frame nearest the leaf")
for k, v in ours.most_common(15): print(f"{pct(v)} {v:6d}  {k}")
