"""`python -m slate_gateway.stream`."""
from slate_gateway.stream import main

main()
