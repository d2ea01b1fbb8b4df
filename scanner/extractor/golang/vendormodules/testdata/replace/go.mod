module example.com/tool

go 1.16

require (
	example.com/greet v0.0.0
	github.com/spf13/cobra v1.8.1
	golang.org/x/text v0.14.0
)

replace example.com/greet => ./greet

replace github.com/spf13/pflag v1.0.5 => github.com/cornfeedhobo/pflag v1.1.0

replace golang.org/x/sys => golang.org/x/sys v0.15.0
