package main

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// interval is a sample mean with its 95% confidence interval.
type interval struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}

// tInterval returns the mean of xs and the two-sided 95% Student-t
// interval of the mean: mean ± t(0.975, n−1)·s/√n, s the sample standard
// deviation. With one value, or values all equal, the interval is the mean.
func tInterval(xs []float64) interval {
	n := float64(len(xs))
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / n
	if len(xs) < 2 {
		return interval{mean, mean, mean}
	}
	var ss float64
	for _, x := range xs {
		d := x - mean
		ss += d * d
	}
	if ss == 0 {
		return interval{mean, mean, mean}
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975)
	half := t * math.Sqrt(ss/(n-1)) / math.Sqrt(n)
	return interval{mean, mean - half, mean + half}
}
