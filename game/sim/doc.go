// Package sim is Long Tail's model: a pure, seeded simulation of a platform
// ecosystem (WeChat / WeCom) in which a platform operator's levers shape
// how attention flows to providers, who enters, who invests, who
// multi-homes and who leaves. It uses only the standard library and is a
// deterministic function of (scenario, seed, decisions), bit-identical
// natively and under WebAssembly.
//
// The full description (ODD protocol) is being written; see MODEL.md.
package sim
