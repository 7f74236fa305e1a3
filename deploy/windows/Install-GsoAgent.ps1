<#
.SYNOPSIS
    Installs or removes the GSO Hit Service department agent as a Windows service.

.DESCRIPTION
    Install copies the published agent into the install folder, creates the service under a
    dedicated low-privilege account, grants that account read access to the install folder, the
    matching-key file and the TLS private key, and write access to the audit and data folders only
    (the data folder keeps the record of used kerngroep decisions). It sets
    recovery options (restart after a failure), registers the Event Log source and starts the
    service. The agent refuses to start when a setting is wrong or its start-up self-test fails;
    the script then shows the service's last Event Log entries.

    Uninstall stops and deletes the service. The install folder, the audit log and the record of used
    decisions are kept unless -RemoveFiles is given, because the audit log is evidence that must be
    kept, and a reinstall that lost the record would accept used decisions again until they expire.

    Accounts:
      VirtualAccount  NT SERVICE\<service name>, managed by Windows, no password (default).
      LocalUser       a local user made for the service, with a random password that nobody sees.
      Gmsa            a group managed service account from Active Directory (DOMAIN\name$), which
                      the domain administrator has installed on this server (Install-ADServiceAccount).

.PARAMETER Action
    Install or Uninstall.

.PARAMETER Department
    Department code, as in Agent:Department, for example brp. Part of the service name.

.PARAMETER SourceFolder
    Folder with the published agent (dotnet publish output) and its appsettings.json. Install only.

.PARAMETER InstallFolder
    Where the agent is installed. Default: %ProgramFiles%\GSO Hit Service\Agent-<department>.

.PARAMETER AccountType
    VirtualAccount (default), LocalUser or Gmsa.

.PARAMETER GmsaName
    The group managed service account, DOMAIN\name$. Required with -AccountType Gmsa.

.PARAMETER CertificateThumbprint
    Thumbprint of the server certificate in LocalMachine\My, when the agent uses the certificate
    store (Server:Certificate:StoreThumbprint). The service account gets read access to its private
    key. Leave empty when the certificate and key are files in the install folder.

.PARAMETER RemoveFiles
    Uninstall only: also delete the install folder, including the audit log.

.EXAMPLE
    .\Install-GsoAgent.ps1 -Action Install -Department brp -SourceFolder C:\Temp\gso-agent

.EXAMPLE
    .\Install-GsoAgent.ps1 -Action Install -Department belastingen -SourceFolder D:\gso-agent -AccountType Gmsa -GmsaName 'GEMEENTE\gso-agent$' -CertificateThumbprint 3F2A...

.EXAMPLE
    .\Install-GsoAgent.ps1 -Action Uninstall -Department brp
#>
# The #Requires lines follow the help block, because Get-Help ignores help that comes after them.
#Requires -Version 5.1
#Requires -RunAsAdministrator
# NOTE: Not run in the project's test environment, which has no Windows. Try it on a test server
# first and report any step that fails.
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('Install', 'Uninstall')]
    [string] $Action,

    [Parameter(Mandatory = $true)]
    [ValidatePattern('^[a-z0-9][a-z0-9-]{0,39}$')]
    [string] $Department,

    [string] $SourceFolder,

    [string] $InstallFolder,

    [ValidateSet('VirtualAccount', 'LocalUser', 'Gmsa')]
    [string] $AccountType = 'VirtualAccount',

    [string] $GmsaName,

    [string] $CertificateThumbprint,

    [switch] $RemoveFiles
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The Event Log source is the one the agent logs under (AgentHostExtensions.ServiceName).
$EventLogSource = 'GsoHitServiceAgent'
$ServiceName = "GsoHitServiceAgent-$Department"
$ExecutableName = 'GsoHitService.Agent.exe'
$LocalUserName = "gso-agent-$Department"
if ($LocalUserName.Length -gt 20) {
    # Local user names are at most 20 characters.
    $LocalUserName = $LocalUserName.Substring(0, 20)
}

if (-not $InstallFolder) {
    $InstallFolder = Join-Path $env:ProgramFiles "GSO Hit Service\Agent-$Department"
}

function Invoke-Sc {
    param([string[]] $Arguments)
    $output = & sc.exe @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "sc.exe $($Arguments -join ' ') failed with exit code ${LASTEXITCODE}: $output"
    }
}

function Invoke-Icacls {
    param([string] $Path, [string[]] $Arguments)
    $output = & icacls.exe $Path @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "icacls $Path $($Arguments -join ' ') failed with exit code ${LASTEXITCODE}: $output"
    }
}

function New-RandomPassword {
    # 32 random bytes as Base64: nobody needs to know it, Windows only needs it to start the service.
    $bytes = New-Object byte[] 32
    [System.Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($bytes)
    return [Convert]::ToBase64String($bytes) + 'aA1!'
}

function Grant-ServiceLogonRight {
    param([string] $AccountName)

    # Local security policy through secedit: export, add the account's SID to
    # SeServiceLogonRight, import. Virtual accounts and gMSAs get the right from the SCM.
    $sid = (New-Object System.Security.Principal.NTAccount($AccountName)).Translate([System.Security.Principal.SecurityIdentifier]).Value
    $work = Join-Path $env:TEMP "gso-agent-secedit-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $work | Out-Null
    try {
        $exported = Join-Path $work 'export.inf'
        & secedit.exe /export /cfg $exported /areas USER_RIGHTS | Out-Null
        $line = Get-Content $exported | Where-Object { $_ -like 'SeServiceLogonRight*' }
        if ($line -and $line -match "\*$sid(,|$)") {
            return
        }

        $current = if ($line) { ($line -split '=', 2)[1].Trim() } else { '' }
        $value = if ($current) { "$current,*$sid" } else { "*$sid" }
        $template = Join-Path $work 'import.inf'
        @(
            '[Unicode]', 'Unicode=yes',
            '[Version]', 'signature="$CHICAGO$"', 'Revision=1',
            '[Privilege Rights]', "SeServiceLogonRight = $value"
        ) | Set-Content -Path $template -Encoding Unicode
        & secedit.exe /configure /db (Join-Path $work 'secedit.sdb') /cfg $template /areas USER_RIGHTS | Out-Null
        if ($LASTEXITCODE -ne 0) {
            throw "Granting 'Log on as a service' to $AccountName failed (secedit exit code $LASTEXITCODE)."
        }
    }
    finally {
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }
}

function Set-ServiceAccount {
    param([string] $AccountName, [string] $Password)

    # Through WMI rather than sc.exe, so that a password never appears on a command line.
    $service = Get-CimInstance -ClassName Win32_Service -Filter "Name='$ServiceName'"
    $result = Invoke-CimMethod -InputObject $service -MethodName Change -Arguments @{ StartName = $AccountName; StartPassword = $Password }
    if ($result.ReturnValue -ne 0) {
        throw "Setting the account of $ServiceName to $AccountName failed (Win32_Service.Change returned $($result.ReturnValue))."
    }
}

function Get-PrivateKeyFile {
    param([string] $Thumbprint)

    $normalized = ($Thumbprint -replace '[\s:]', '').ToUpperInvariant()
    $certificate = Get-ChildItem Cert:\LocalMachine\My | Where-Object { $_.Thumbprint -eq $normalized }
    if (-not $certificate) {
        throw "No certificate with thumbprint $normalized in LocalMachine\My. Import the agent's server certificate with its private key first."
    }

    if (-not $certificate.HasPrivateKey) {
        throw "The certificate $normalized in LocalMachine\My has no private key. Import it from a PFX file with its key."
    }

    # CNG keys (RSA or ECDSA) live under Crypto\Keys; older CSP keys under Crypto\RSA\MachineKeys.
    $key = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate)
    if (-not $key) {
        $key = [System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions]::GetECDsaPrivateKey($certificate)
    }

    $uniqueName = if ($key -is [System.Security.Cryptography.RSACng] -or $key -is [System.Security.Cryptography.ECDsaCng]) {
        $key.Key.UniqueName
    }
    else {
        $key.CspKeyContainerInfo.UniqueKeyContainerName
    }

    foreach ($folder in @("$env:ProgramData\Microsoft\Crypto\Keys", "$env:ProgramData\Microsoft\Crypto\RSA\MachineKeys")) {
        $path = Join-Path $folder $uniqueName
        if (Test-Path $path) {
            return $path
        }
    }

    throw "The private key file of certificate $normalized ($uniqueName) was not found under $env:ProgramData\Microsoft\Crypto."
}

function Install-Agent {
    if (-not $SourceFolder -or -not (Test-Path (Join-Path $SourceFolder $ExecutableName))) {
        throw "-SourceFolder must be the folder with the published agent ($ExecutableName)."
    }

    if (-not (Test-Path (Join-Path $SourceFolder 'appsettings.json'))) {
        throw "$SourceFolder has no appsettings.json. Copy a sample from deploy\samples\<department> and fill it in."
    }

    if ($AccountType -eq 'Gmsa' -and -not $GmsaName) {
        throw "-AccountType Gmsa needs -GmsaName, for example 'GEMEENTE\gso-agent$'."
    }

    if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
        throw "The service $ServiceName exists already. Run with -Action Uninstall first, or stop it and copy the new files yourself."
    }

    if ($PSCmdlet.ShouldProcess($InstallFolder, 'Copy the agent')) {
        New-Item -ItemType Directory -Force -Path $InstallFolder | Out-Null
        Copy-Item -Path (Join-Path $SourceFolder '*') -Destination $InstallFolder -Recurse -Force
        New-Item -ItemType Directory -Force -Path (Join-Path $InstallFolder 'audit') | Out-Null
        New-Item -ItemType Directory -Force -Path (Join-Path $InstallFolder 'data') | Out-Null
    }

    $executable = Join-Path $InstallFolder $ExecutableName
    if ($PSCmdlet.ShouldProcess($ServiceName, 'Create the service')) {
        New-Service -Name $ServiceName `
            -BinaryPathName "`"$executable`"" `
            -DisplayName "GSO Hit Service agent ($Department)" `
            -Description "Answers hit queries of the GSO coordinator for department $Department." `
            -StartupType Automatic | Out-Null
    }

    switch ($AccountType) {
        'VirtualAccount' {
            $account = "NT SERVICE\$ServiceName"
            Set-ServiceAccount -AccountName $account -Password ''
        }
        'LocalUser' {
            $account = "$env:COMPUTERNAME\$LocalUserName"
            $plain = New-RandomPassword
            $password = ConvertTo-SecureString $plain -AsPlainText -Force
            if (-not (Get-LocalUser -Name $LocalUserName -ErrorAction SilentlyContinue)) {
                New-LocalUser -Name $LocalUserName -Password $password -PasswordNeverExpires -UserMayNotChangePassword `
                    -AccountNeverExpires -Description "Service account of the GSO Hit Service agent ($Department)" | Out-Null
            }
            else {
                Set-LocalUser -Name $LocalUserName -Password $password
            }

            Grant-ServiceLogonRight -AccountName $account
            Set-ServiceAccount -AccountName $account -Password $plain
            $plain = $null
        }
        'Gmsa' {
            # A gMSA has no password to give; the SCM fetches it from Active Directory.
            $account = $GmsaName
            Set-ServiceAccount -AccountName $account -Password ''
        }
    }

    # Start after the network and the other automatic services, and restart after a failure:
    # twice after one minute, then after five minutes; the failure count resets after one day.
    Invoke-Sc @('config', $ServiceName, 'start=', 'delayed-auto')
    Invoke-Sc @('failure', $ServiceName, 'reset=', '86400', 'actions=', 'restart/60000/restart/60000/restart/300000')
    # Also count a stop with a non-zero exit code (a failed start) as a failure.
    Invoke-Sc @('failureflag', $ServiceName, '1')

    # Read and execute on the install folder, modify on the audit and data folders only. Inheritance
    # is cut on the install folder so that Users and other accounts keep no access to keys.
    Invoke-Icacls -Path $InstallFolder -Arguments @('/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', "${account}:(OI)(CI)RX")
    Invoke-Icacls -Path (Join-Path $InstallFolder 'audit') -Arguments @('/grant:r', "${account}:(OI)(CI)M")
    Invoke-Icacls -Path (Join-Path $InstallFolder 'data') -Arguments @('/grant:r', "${account}:(OI)(CI)M")

    if ($CertificateThumbprint) {
        $keyFile = Get-PrivateKeyFile -Thumbprint $CertificateThumbprint
        Invoke-Icacls -Path $keyFile -Arguments @('/grant', "${account}:R")
    }

    # The service account cannot create an Event Log source itself; without one, start-up errors
    # would be lost.
    if (-not [System.Diagnostics.EventLog]::SourceExists($EventLogSource)) {
        [System.Diagnostics.EventLog]::CreateEventSource($EventLogSource, 'Application')
    }

    if ($PSCmdlet.ShouldProcess($ServiceName, 'Start the service')) {
        Start-Service -Name $ServiceName
        # The agent stops within seconds when a setting is wrong or the self-test fails.
        Start-Sleep -Seconds 10
        $service = Get-Service -Name $ServiceName
        if ($service.Status -ne 'Running') {
            Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = $EventLogSource } -MaxEvents 5 -ErrorAction SilentlyContinue |
                Format-List TimeCreated, LevelDisplayName, Message
            throw "The service $ServiceName is $($service.Status) instead of Running. The Event Log entries above say why."
        }
    }

    Write-Host "The agent for $Department runs as $ServiceName under $account from $InstallFolder."
}

function Uninstall-Agent {
    $service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
    if ($service) {
        if ($service.Status -ne 'Stopped' -and $PSCmdlet.ShouldProcess($ServiceName, 'Stop the service')) {
            Stop-Service -Name $ServiceName -Force
            $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
        }

        if ($PSCmdlet.ShouldProcess($ServiceName, 'Delete the service')) {
            Invoke-Sc @('delete', $ServiceName)
        }
    }
    else {
        Write-Warning "No service named $ServiceName."
    }

    if (Get-LocalUser -Name $LocalUserName -ErrorAction SilentlyContinue) {
        if ($PSCmdlet.ShouldProcess($LocalUserName, 'Remove the local service account')) {
            Remove-LocalUser -Name $LocalUserName
        }
    }

    if ($RemoveFiles) {
        if ((Test-Path $InstallFolder) -and $PSCmdlet.ShouldProcess($InstallFolder, 'Delete the install folder and the audit log')) {
            Remove-Item -Recurse -Force $InstallFolder
        }
    }
    elseif (Test-Path $InstallFolder) {
        Write-Host "Kept $InstallFolder with the audit log. Archive the audit log, then delete the folder with -RemoveFiles."
    }
}

switch ($Action) {
    'Install' { Install-Agent }
    'Uninstall' { Uninstall-Agent }
}
