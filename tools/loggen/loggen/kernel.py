"""Kernel messages (as the journal's kernel transport shows them): the OOM killer's
report, and the SYN flood warning.

Shapes from the shared corpus, real-lines/kernel-oom/. Not in the corpus verbatim
(written from the kernel's sources): the modern call trace ('<TASK>', 'dump_stack_lvl').
"""

GFP = "0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)"
HARDWARE = "Hardware name: Amazon EC2 r6i.xlarge/, BIOS 1.0 10/16/2017"
CALL_TRACE = "Call Trace:"
# the stack of a page-fault allocation that ran into the OOM killer (6.1 kernel)
OOM_FRAMES = [" <TASK>", " dump_stack_lvl+0x44/0x5c", " dump_header+0x4a/0x211", " oom_kill_process.cold+0xb/0x10",
              " out_of_memory+0x1fd/0x4c0", " __alloc_pages_slowpath.constprop.0+0xcd8/0xe10",
              " __alloc_pages+0x305/0x330", " folio_alloc+0x17/0x50", " __filemap_get_folio+0x155/0x340",
              " filemap_fault+0x139/0x910", " __do_fault+0x31/0x80", " do_fault+0x1ba/0x410",
              " __handle_mm_fault+0x660/0xfa0", " handle_mm_fault+0xdb/0x2d0", " do_user_addr_fault+0x1b0/0x580",
              " exc_page_fault+0x70/0x170", " asm_exc_page_fault+0x22/0x30", " </TASK>"]
MEM_INFO = "Mem-Info:"
TASKS_STATE = "Tasks state (memory values in pages):"
TASKS_HEADER = "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name"


def oom_invoked(comm="java", gfp=GFP, order=0, adj=0):
    return f"{comm} invoked oom-killer: gfp_mask={gfp}, order={order}, oom_score_adj={adj}"


def cpu_comm(cpu, pid, release, version, comm="java"):
    """release/version: e.g. '6.1.0-31-amd64', '6.1.128-1' (Debian 12)."""
    return f"CPU: {cpu} PID: {pid} Comm: {comm} Not tainted {release} #1 Debian {version}"


def anon_pages(active, inactive):
    """The first line of the Mem-Info block."""
    return f"active_anon:{active} inactive_anon:{inactive} isolated_anon:0"


def task_row(pid, uid, tgid, total_vm, rss, pgtables_bytes, swapents, oom_score_adj, name, pgtables_width=8):
    """One row of the task dump: the kernel prints '[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s'.
    pgtables_width=14 (as the sample bundles have it) pads that column to the header instead."""
    return (f"[{pid:>7}] {uid:>5} {tgid:>5} {total_vm:>8} {rss:>8} {pgtables_bytes:>{pgtables_width}} "
            f"{swapents:>8} {oom_score_adj:>13} {name}")


def oom_kill_constraint(pid, uid=998, task="java", memcg="/system.slice/kafka.service"):
    return (f"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
            f"task_memcg={memcg},task={task},pid={pid},uid={uid}")


def oom_killed(pid, total_vm_kb, anon_rss_kb, pgtables_kb, uid=998, comm="java"):
    return (f"Out of memory: Killed process {pid} ({comm}) total-vm:{total_vm_kb}kB, anon-rss:{anon_rss_kb}kB, "
            f"file-rss:0kB, shmem-rss:0kB, UID:{uid} pgtables:{pgtables_kb}kB oom_score_adj:0")


def oom_reaped(pid, comm="java"):
    return f"oom_reaper: reaped process {pid} ({comm}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB"


def syn_flooding(addr_port):
    return f"TCP: request_sock_TCP: Possible SYN flooding on port {addr_port}. Sending cookies.  Check SNMP counters."
