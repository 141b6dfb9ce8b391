// The nested build compiled the README's program against the installed qtrade artifacts and ran it: its totals
// table has the breakout strategy's row for AAA@SIM with at least one fill, and every io.qtrade jar it used came from
// the private repository the invoker installed into (target/it-repo), at the version being built.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
def row = log =~ /breakout\s*\|\s*AAA@SIM\s*\|\s*(\d+)\s*\|\s*(\d+)/
assert row.find() : "no totals row of breakout in the consumer's output:\n${log}"
assert Long.parseLong(row.group(2)) > 0 : "the breakout strategy made no fills:\n${log}"
assert log.contains('net_pnl')

def repo = new File(localRepositoryPath, 'io/qtrade')
['qtrade-bom', 'qtrade-core', 'qtrade-backtest', 'qtrade-strategies', 'qtrade-store'].each { artifact ->
    def dir = new File(repo, "${artifact}/${qtradeVersion}")
    assert dir.isDirectory() : "${artifact} ${qtradeVersion} was not installed into ${localRepositoryPath}"
}
return true
