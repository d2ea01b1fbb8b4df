module example.com/App

go 1.22

toolchain go1.22.4

require (
	github.com/spf13/cobra v1.8.1
	golang.org/x/text v0.14.0
	github.com/BurntSushi/toml v1.3.2 // indirect
	github.com/old/thing v1.0.0
	github.com/local/fork v0.1.0
	github.com/excluded/one v1.2.3
)

require github.com/inconshreveable/mousetrap v1.1.0 // indirect

replace github.com/old/thing v1.0.0 => github.com/new/thing v1.1.0

replace github.com/local/fork => ../fork

exclude github.com/excluded/one v1.2.3

retract v0.0.1
