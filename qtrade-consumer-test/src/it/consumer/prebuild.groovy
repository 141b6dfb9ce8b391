// Splices the root README's "Use it from your project" snippets into this cloned project: the ```xml block into
// pom.xml at the marker, the ```java block as src/main/java/FirstStrategy.java. Fails when the section or a block is
// missing, or when the snippet's BOM version is not the version being built.
def text = new File(readme).getText('UTF-8')
int start = text.indexOf('## Use it from your project')
assert start >= 0 : "no '## Use it from your project' section in ${readme}"
int end = text.indexOf('\n## ', start + 5)
def section = end < 0 ? text.substring(start) : text.substring(start, end)

def block = { String language ->
    def m = section =~ /(?s)```${language}\n(.*?)```/
    assert m.find() : "no ```${language} block in the README section"
    m.group(1)
}
def xml = block('xml')
def java = block('java')

def bomVersion = (xml =~ /(?s)<artifactId>qtrade-bom<\/artifactId>\s*<version>([^<]+)<\/version>/)
assert bomVersion.find() : 'the README pom snippet imports no qtrade-bom version'
assert bomVersion.group(1) == qtradeVersion : "README imports qtrade-bom ${bomVersion.group(1)}, the build is ${qtradeVersion}"

def pom = new File(basedir, 'pom.xml')
def template = pom.getText('UTF-8')
assert template.contains('<!-- README SNIPPET -->')
pom.setText(template.replace('<!-- README SNIPPET -->', xml), 'UTF-8')

def source = new File(basedir, 'src/main/java/FirstStrategy.java')
source.parentFile.mkdirs()
source.setText(java, 'UTF-8')
return true
