module example.com/hello

go 1.22

require (
	example.com/greet v0.0.0
	github.com/inconshreveable/mousetrap v1.1.0
	golang.org/x/exp v0.0.0-20240506185415-9bf2ced13842
)

replace example.com/greet => ./greet

replace github.com/inconshreveable/mousetrap => github.com/inconshreveable/mousetrap v1.0.0
