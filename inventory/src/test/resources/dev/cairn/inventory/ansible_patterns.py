# Prints, as JSON, the hosts Ansible selects for each host pattern read from stdin (a JSON list),
# using Ansible's own InventoryManager: the code behind `ansible -i SOURCE PATTERN --list-hosts`.
# A pattern whose evaluation fails (an out-of-range subscript) maps to {"error": message}.
import json
import sys

from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader

inventory = InventoryManager(loader=DataLoader(), sources=[sys.argv[1]])
result = {}
for pattern in json.load(sys.stdin):
    try:
        result[pattern] = [host.name for host in inventory.get_hosts(pattern)]
    except Exception as error:  # Ansible's CLI reports these as "no hosts matched"
        result[pattern] = {"error": str(error)}
json.dump(result, sys.stdout)
