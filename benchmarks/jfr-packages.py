"""Counts JFR execution samples by package group, from `jfr print --exact --stack-depth N
--events jdk.ExecutionSample` on standard input. Arguments: [from epoch ms] [to epoch ms] keep
only the samples in that window; further arguments are method names (suffixes, such as
`ModelFactory.initModel`) whose inclusive share is printed too. Prints, in percent of the samples counted:
- self: the group of the top frame (where the CPU is spent);
- by caller: the innermost frame outside the JDK (so a HashMap lookup counts for its caller);
- inclusive: samples with the group anywhere in the stack (up to the printed depth);
- the top frames (methods) most often on top, and the innermost frames of our code."""
import collections
import re
import sys
import time

GROUPS = [
    ("Thymeleaf (rendering)", ("org.thymeleaf.", "org.attoparser.", "ognl.")),
    ("Nimbus JOSE+JWT", ("com.nimbusds.",)),
    ("MariaDB driver", ("org.mariadb.",)),
    ("Hikari", ("com.zaxxer.hikari.",)),
    ("Hibernate", ("org.hibernate.",)),
    ("Tomcat", ("org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote.")),
    ("Spring Security", ("org.springframework.security.",)),
    ("Spring Session", ("org.springframework.session.",)),
    ("Spring web/MVC", ("org.springframework.web.", "org.springframework.http.")),
    ("Spring data/tx/jdbc/orm", ("org.springframework.data.", "org.springframework.transaction.",
                                 "org.springframework.jdbc.", "org.springframework.orm.")),
    ("Spring (other)", ("org.springframework.",)),
    ("Jackson", ("com.fasterxml.jackson.", "tools.jackson.")),
    ("Logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("Micrometer", ("io.micrometer.",)),
    ("our code (org.coachapproach)", ("org.coachapproach.",)),
    ("JDK", ("java.", "jdk.", "sun.", "javax.", "jakarta.", "com.sun.")),
]


def group(frame):
    for name, prefixes in GROUPS:
        if frame.startswith(prefixes):
            return name
    return ".".join(frame.split(".")[:2]) + " (other)"


def epoch_ms(value):
    # "17:45:01.123456789 (2026-12-03)", the machine's local time, like `date +%s`
    m = re.match(r"(\d+):(\d+):(\d+)(?:\.(\d+))? \((\d+)-(\d+)-(\d+)\)", value)
    h, mi, s, frac, y, mo, d = m.groups()
    base = time.mktime((int(y), int(mo), int(d), int(h), int(mi), int(s), 0, 0, -1))
    return base * 1000 + (int((frac or "0")[:3].ljust(3, "0")))


def samples(lines):
    start, stack, in_stack = None, [], False
    for line in lines:
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            start, stack, in_stack = None, [], False
        elif line.startswith("startTime = "):
            start = epoch_ms(line[len("startTime = "):])
        elif line.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and line == "]":
            in_stack = False
        elif in_stack and line and line != "...":
            stack.append(line.split("(")[0].split(" line:")[0])
        elif line == "}" and start is not None:
            yield start, stack
            start = None


def main():
    lo = float(sys.argv[1]) if len(sys.argv) > 1 else float("-inf")
    hi = float(sys.argv[2]) if len(sys.argv) > 2 else float("inf")
    self_, caller, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    methods, ours = collections.Counter(), collections.Counter()
    marks, marked = tuple(sys.argv[3:]), collections.Counter()
    n = 0
    for start, stack in samples(sys.stdin):
        if not stack or not lo <= start <= hi:
            continue
        n += 1
        self_[group(stack[0])] += 1
        methods[stack[0]] += 1
        outside_jdk = next((f for f in stack if group(f) != "JDK"), stack[0])
        caller[group(outside_jdk)] += 1
        for g in {group(f) for f in stack}:
            inclusive[g] += 1
        for mark in marks:
            if any(f.endswith(mark) for f in stack):
                marked[mark] += 1
        own = next((f for f in stack if f.startswith("org.coachapproach.")), None)
        if own:
            ours[own] += 1
    if n == 0:
        print("no execution samples in the window")
        return
    print(f"{n} execution samples (Java threads running Java code; JIT compiler and GC threads are not sampled)")
    print()
    print("| package group | self % | by caller % | inclusive % |")
    print("|---|---:|---:|---:|")
    for g in sorted(set(self_) | set(caller) | set(inclusive), key=lambda g: -inclusive[g]):
        print(f"| {g} | {100 * self_[g] / n:.1f} | {100 * caller[g] / n:.1f} | {100 * inclusive[g] / n:.1f} |")
    print()
    print("top frames:")
    for m, c in methods.most_common(20):
        print(f"  {100 * c / n:5.1f} %  {m}")
    print("innermost frame of our code (inclusive):")
    for m, c in ours.most_common(15):
        print(f"  {100 * c / n:5.1f} %  {m}")
    for mark in marks:
        print(f"with {mark} in the stack: {100 * marked[mark] / n:.1f} %")


main()
