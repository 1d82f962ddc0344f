@_exported import Rapport
